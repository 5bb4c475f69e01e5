package dev.clauderelay.gateway.domain.model.price;

import java.util.List;
import java.util.Optional;

/** Model prices. */
public interface ModelPriceRepository {

  List<ModelPrice> all();

  Optional<ModelPrice> find(long id);

  Optional<ModelPrice> findByPattern(String pattern);

  ModelPrice save(ModelPrice price);

  void delete(ModelPrice price);
}

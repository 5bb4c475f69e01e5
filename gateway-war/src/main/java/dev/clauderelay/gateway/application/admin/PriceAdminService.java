package dev.clauderelay.gateway.application.admin;

import dev.clauderelay.admin.api.PriceRequest;
import dev.clauderelay.gateway.application.routing.ModelPattern;
import dev.clauderelay.gateway.application.topology.TopologyChanged;
import dev.clauderelay.gateway.domain.model.price.ModelPrice;
import dev.clauderelay.gateway.domain.model.price.ModelPriceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sets the price of models; each change is audited and reaches the request path's price table with
 * the next topology (after the commit).
 */
@ApplicationScoped
@Transactional
public class PriceAdminService {

  private static final BigDecimal MAX_PER_MTOK = BigDecimal.valueOf(1_000_000L);
  private static final BigDecimal CACHE_WRITE_RATIO = new BigDecimal("1.25");
  private static final BigDecimal CACHE_READ_RATIO = new BigDecimal("0.1");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  @Inject private ModelPriceRepository prices;
  @Inject private Audit audit;
  @Inject private Event<TopologyChanged> changed;

  public List<ModelPrice> list() {
    return prices.all();
  }

  public ModelPrice get(long id) {
    return prices.find(id).orElseThrow(() -> new NotFoundException("No price with id " + id + "."));
  }

  public ModelPrice create(PriceRequest request, AdminActor actor) {
    String pattern = requirePattern(request.model());
    if (prices.findByPattern(pattern).isPresent()) {
      throw new ConflictException(
          "A price for '"
              + pattern
              + "' exists already; change it with PUT /api/admin/prices/{id}.");
    }
    ModelPrice price = new ModelPrice(pattern);
    apply(price, request, true);
    price = prices.save(price);
    audit.record(actor, "price.create", "price", price.id(), describe(price));
    changed.fire(new TopologyChanged("price of " + pattern + " set"));
    return price;
  }

  public ModelPrice update(long id, PriceRequest request, AdminActor actor) {
    ModelPrice price = get(id);
    if (request.model() != null) {
      String pattern = requirePattern(request.model());
      Optional<ModelPrice> other = prices.findByPattern(pattern);
      if (other.isPresent() && !other.get().id().equals(price.id())) {
        throw new ConflictException("A price for '" + pattern + "' exists already.");
      }
      price.rename(pattern);
    }
    apply(price, request, false);
    ModelPrice saved = prices.save(price);
    audit.record(actor, "price.update", "price", id, describe(saved));
    changed.fire(new TopologyChanged("price of " + saved.modelPattern() + " changed"));
    return saved;
  }

  /** Creates the price of the pattern or changes the one there: for the prices file. */
  public ModelPrice upsert(PriceRequest request, AdminActor actor) {
    String pattern = requirePattern(request.model());
    Optional<ModelPrice> existing = prices.findByPattern(pattern);
    return existing.isEmpty()
        ? create(request, actor)
        : update(existing.get().id(), request, actor);
  }

  public void delete(long id, AdminActor actor) {
    ModelPrice price = get(id);
    prices.delete(price);
    audit.record(actor, "price.delete", "price", id, "model=" + price.modelPattern());
    changed.fire(new TopologyChanged("price of " + price.modelPattern() + " deleted"));
  }

  private static void apply(ModelPrice price, PriceRequest request, boolean creating) {
    BigDecimal input =
        amount("inputPerMtok", request.inputPerMtok(), price.inputPerMtok(), creating);
    BigDecimal output =
        amount("outputPerMtok", request.outputPerMtok(), price.outputPerMtok(), creating);
    BigDecimal cacheWrite =
        request.cacheWritePerMtok() != null
            ? amount("cacheWritePerMtok", request.cacheWritePerMtok(), null, true)
            : creating || request.inputPerMtok() != null
                ? input.multiply(CACHE_WRITE_RATIO).setScale(6, RoundingMode.HALF_UP)
                : price.cacheWritePerMtok();
    BigDecimal cacheRead =
        request.cacheReadPerMtok() != null
            ? amount("cacheReadPerMtok", request.cacheReadPerMtok(), null, true)
            : creating || request.inputPerMtok() != null
                ? input.multiply(CACHE_READ_RATIO).setScale(6, RoundingMode.HALF_UP)
                : price.cacheReadPerMtok();
    String currency =
        request.currency() != null
            ? request.currency().strip().toUpperCase(Locale.ROOT)
            : price.currency();
    if (!CURRENCY.matcher(currency).matches()) {
      throw new InvalidInputException("currency", "must be a three-letter ISO 4217 code, e.g. USD");
    }
    String note = request.note() != null ? request.note().strip() : price.note();
    if (note != null && note.length() > 300) {
      throw new InvalidInputException("note", "must be at most 300 characters");
    }
    price.price(
        currency,
        input,
        output,
        cacheWrite,
        cacheRead,
        note == null || note.isEmpty() ? null : note);
  }

  private static BigDecimal amount(
      String field, BigDecimal value, BigDecimal current, boolean required) {
    if (value == null) {
      if (required && current == null) {
        throw new InvalidInputException(field, "required (per million tokens, e.g. 3.00)");
      }
      return current;
    }
    if (value.signum() < 0) {
      throw new InvalidInputException(field, "must not be negative");
    }
    if (value.compareTo(MAX_PER_MTOK) > 0) {
      throw new InvalidInputException(field, "must be at most 1000000 per million tokens");
    }
    if (value.stripTrailingZeros().scale() > 6) {
      throw new InvalidInputException(field, "must have at most 6 decimals");
    }
    return value.setScale(6, RoundingMode.UNNECESSARY);
  }

  private static String requirePattern(String model) {
    if (model == null || model.isBlank()) {
      throw new InvalidInputException(
          "model", "required: a model name or a glob such as claude-sonnet-4*");
    }
    String pattern = model.strip();
    if (pattern.length() > 200) {
      throw new InvalidInputException("model", "must be at most 200 characters");
    }
    new ModelPattern(pattern);
    return pattern;
  }

  private static String describe(ModelPrice price) {
    return "model="
        + price.modelPattern()
        + " "
        + price.currency()
        + " in="
        + price.inputPerMtok().toPlainString()
        + " out="
        + price.outputPerMtok().toPlainString()
        + " cw="
        + price.cacheWritePerMtok().toPlainString()
        + " cr="
        + price.cacheReadPerMtok().toPlainString();
  }
}

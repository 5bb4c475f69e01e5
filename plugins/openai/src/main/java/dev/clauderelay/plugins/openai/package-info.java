/**
 * The {@code openai} plugin: Anthropic Messages to OpenAI Chat Completions and back, with presets
 * for OpenAI-compatible providers (DeepSeek, ModelScope Qwen, Zhipu GLM, OpenRouter).
 */
package dev.clauderelay.plugins.openai;

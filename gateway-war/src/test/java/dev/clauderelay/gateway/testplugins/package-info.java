/** Extensions that tests package into real plugin jars. */
package dev.clauderelay.gateway.testplugins;

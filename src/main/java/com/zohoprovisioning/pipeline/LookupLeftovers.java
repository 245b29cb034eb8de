package com.zohoprovisioning.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;

import java.util.Set;

/**
 * After a file's lookups: forgets what their calls left on the file's exchange (zpPath, zpPage, the retry counters,
 * Camel's loop and circuit-breaker properties ...) and the message headers (the file consumer's and the last
 * lookup's answer: the run holds the file's path), so that the split copies less into each record and no record
 * sees a value meant for a lookup.
 */
public final class LookupLeftovers {

    /** The properties of the file's exchange every record needs; the split copies all of them into each record. */
    private static final Set<String> FILE_PROPERTIES = Set.of(RunProperties.RUN, RunProperties.FEED,
            RunProperties.MOVE_TO, RunProperties.SOURCE);

    public void forget(Exchange exchange) {
        exchange.getMessage().getHeaders().clear();
        exchange.getProperties().keySet().removeIf(name -> name.startsWith("zp") && !FILE_PROPERTIES.contains(name)
                || name.startsWith("CamelCircuitBreaker"));
        exchange.removeProperty(ExchangePropertyKey.LOOP_INDEX);
        exchange.removeProperty(ExchangePropertyKey.TO_ENDPOINT);
    }
}

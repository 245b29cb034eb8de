package com.zohoprovisioning.config;

import java.math.BigDecimal;

/**
 * A setting that is a count ({@code 25}, {@code 1,000}) or a percentage of a whole known only later ({@code 10%}):
 * the roster guard's {@code max-deactivations} (of the active users), the API credit reserve (of the daily budget).
 */
public record CountOrPercent(long count, BigDecimal percent) {

    /** {@link ConfigurationException} naming the key when the value is neither. */
    public static CountOrPercent parse(String key, String value) {
        String v = value.replace(",", "").replace("_", "").trim();
        try {
            if (v.endsWith("%")) {
                BigDecimal p = new BigDecimal(v.substring(0, v.length() - 1).trim());
                if (p.signum() >= 0 && p.compareTo(BigDecimal.valueOf(100)) <= 0) {
                    return new CountOrPercent(-1, p);
                }
            } else {
                long n = Long.parseLong(v);
                if (n >= 0) {
                    return new CountOrPercent(n, null);
                }
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ConfigurationException(key + "=" + value + ": not a count (e.g. 25 or 1,000) nor a percentage"
                + " (e.g. 10%)");
    }

    public boolean isPercent() {
        return percent != null;
    }

    /** The count, or the percentage of {@code whole}, rounded down. */
    public long of(long whole) {
        return isPercent() ? percent.multiply(BigDecimal.valueOf(whole)).divide(BigDecimal.valueOf(100),
                java.math.RoundingMode.FLOOR).longValue() : count;
    }

    /** As the settings say it: {@code 25} or {@code 10 %}. */
    @Override
    public String toString() {
        return isPercent() ? percent.stripTrailingZeros().toPlainString() + " %" : String.valueOf(count);
    }
}

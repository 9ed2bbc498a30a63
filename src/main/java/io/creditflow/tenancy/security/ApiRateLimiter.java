package io.creditflow.tenancy.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.creditflow.tenancy.ApiKeys;

import java.time.Duration;
import java.util.UUID;

/**
 * A token bucket per API key: capacity and refill of the key's own limit per second (or the platform default), so a
 * client may burst up to one second's worth and then runs at its limit. The default (5,000/s) is well above the
 * acceptance benchmark of 2,000 credit checks a second on one key. Buckets live in this node's memory: with N nodes
 * behind a load balancer a key gets up to N times its limit (say so when configuring it).
 */
public class ApiRateLimiter {

    private record Limited(int perSecond, Bucket bucket) {
    }

    private final int defaultPerSecond;
    private final Cache<UUID, Limited> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    public ApiRateLimiter(int defaultPerSecond) {
        this.defaultPerSecond = defaultPerSecond;
    }

    /** Takes one token for the key; the answer says whether it may go on and, if not, how long to wait. */
    public ConsumptionProbe tryConsume(ApiKeys.Authenticated key) {
        int limit = key.rateLimitPerSecond() == null ? defaultPerSecond : key.rateLimitPerSecond();
        // a plain read first: compute() locks the key's map entry, which made every request of one busy key wait
        // for the others (the bucket itself is lock-free)
        Limited limited = buckets.getIfPresent(key.keyId());
        if (limited == null || limited.perSecond() != limit) {
            limited = buckets.asMap().compute(key.keyId(), (id, current) ->
                    current != null && current.perSecond() == limit ? current : new Limited(limit, bucket(limit)));
        }
        return limited.bucket().tryConsumeAndReturnRemaining(1);
    }

    public int defaultPerSecond() {
        return defaultPerSecond;
    }

    private static Bucket bucket(int perSecond) {
        return Bucket.builder().addLimit(limit -> limit.capacity(perSecond)
                .refillGreedy(perSecond, Duration.ofSeconds(1))).build();
    }
}

export { createRedis, type RedisConnectionOptions } from './create-redis.js';
export {
  RateLimiter,
  type RateLimit,
  type RateCounter,
  type RateVerdict,
  type HitVerdict,
  type RateLimiterOptions,
} from './rate-limiter.js';

export { pingRedis, succeedsWithin, type Pingable } from './ping-redis.js';

export {
  runService,
  startupLine,
  type Listenable,
  type RunnableService,
  type ServiceDefinition,
} from './run-service.js';
export {
  classifyStartupError,
  dependencyStartupError,
  PORT_VARIABLES,
  type Dependency,
  type PortVariable,
  type StartupContext,
} from './classify-startup-error.js';
export { checkRedis } from './check-redis.js';
export { endpointOf, portOf, withoutSecrets } from './endpoint.js';

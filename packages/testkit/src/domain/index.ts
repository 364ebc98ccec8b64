export * from './arbitraries.js';
export * from './builders.js';
export * from './catalogue.js';
export * from './given.js';
export * from './memoryPorts.js';
export * from './sampleEvents.js';

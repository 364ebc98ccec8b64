export * from './chromium.js';
export * from './consoleDemo.js';
export * from './consoleTour.js';

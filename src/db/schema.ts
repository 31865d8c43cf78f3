export * from '../modules/agreements/schema.js';
export * from '../modules/audit/schema.js';
export * from '../modules/auth/schema.js';
export * from '../modules/org/schema.js';
export * from '../modules/planning/schema.js';
export * from '../modules/tenants/schema.js';

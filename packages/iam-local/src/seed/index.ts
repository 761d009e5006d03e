// What the server loads on a first start with `--seed demo` or `--seed scale`.
export { seedDemo, DEMO_ACCOUNT_ID, DEMO_ACCOUNT_ALIAS } from './seed-demo.ts';
export { seedScale } from './seed-scale.ts';

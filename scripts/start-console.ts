// Starts the console on the embedded IAM/STS endpoint. Filled in as the parts land.
console.log('The IAM console is not assembled yet: only the policy engine exists (try `pnpm policy-check FILE`).');

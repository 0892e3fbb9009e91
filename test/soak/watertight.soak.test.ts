// The long variant of the watertightness property: 2,000 random histories unless MUTUAL_FC_RUNS
// says otherwise (MUTUAL_FC_SEED and MUTUAL_FC_PATH replay a failure, as in the short run).
process.env.MUTUAL_FC_RUNS ??= '2000';
await import('../security/watertight.property.test.js');

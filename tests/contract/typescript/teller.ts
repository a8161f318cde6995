// A teller system's first calls through the types openapi-typescript generated from
// /openapi/rulesets/retail-tiering.json, with openapi-fetch: decide with a typed customer, retry with the same
// Idempotency-Key, then, as an auditor, read back and replay.
import createClient from "openapi-fetch";
import type { components, paths } from "./decisions.js";

type Customer = components["schemas"]["RetailTieringCustomer"];

const [service, tellerKey, auditorKey] = process.argv.slice(2);
const teller = createClient<paths>({ baseUrl: service, headers: { "X-Api-Key": tellerKey } });
const auditor = createClient<paths>({ baseUrl: service, headers: { "X-Api-Key": auditorKey } });

function check(condition: boolean, failure: string): void {
  if (!condition) {
    console.error(`typescript: ${failure}`);
    process.exit(1);
  }
}

// The customer is typed: a field the rule set does not know fails the compile, not the call.
const misspelt: Customer = {
  customerId: "TS-0000",
  avgDailyBalance: 1,
  // @ts-expect-error avgDailyBalanse is not a field of retail-tiering's customer
  avgDailyBalanse: 1,
};
check(misspelt.customerId === "TS-0000", "the misspelt customer was changed");

const customer: Customer = {
  customerId: "TS-0001",
  avgDailyBalance: 800000.5,
  occupation: "civil_servant",
  productsHeld: ["fund", "credit_card"],
  lastTierReviewDate: "2026-03-01",
};
const body = { ruleSet: "retail-tiering", asOf: "2026-06-15T10:00:00+08:00", customer };
const key = `typescript-${crypto.randomUUID()}`;
const decided = await teller.POST("/v1/decisions", { params: { header: { "Idempotency-Key": key } }, body });
const retried = await teller.POST("/v1/decisions", { params: { header: { "Idempotency-Key": key } }, body });
check(decided.data?.tier.code === "VIP", `tier ${decided.data?.tier.code}, expected VIP`);
check(retried.data?.decisionId === decided.data?.decisionId, "a retry with the same Idempotency-Key was decided again");

// A batch answers each customer: a decision, or the fields at fault.
const refusedCustomer: Customer = { customerId: "TS-0002", avgDailyBalance: -1 };
const customers = [customer, refusedCustomer];
const batch = await teller.POST("/v1/decisions/batch", { body: { ruleSet: body.ruleSet, asOf: body.asOf, customers } });
check(batch.data?.decided === 1 && batch.data.items[0].decision?.tier.code === "VIP", "the batch did not decide the VIP");
check(batch.data?.items[1].errors?.[0]?.path === "customer.avgDailyBalance", "the batch did not refuse the balance");

const refused = await teller.POST("/v1/decisions", { body: { ...body, customer: { ...customer, avgDailyBalance: -1 } } });
check(refused.response.status === 422 && refused.error?.status === 422,
  `a negative balance answered ${refused.response.status}`);

const id = decided.data!.decisionId;
const logged = await auditor.GET("/v1/decisions/{id}", { params: { path: { id } } });
check(logged.data?.decisionId === id && logged.data.customerId === "TS-0001", "the decision read back is another");
check(logged.data?.ruleSet.version === decided.data?.ruleSet.version, "the decision read back names another version");
const replay = await auditor.POST("/v1/decisions/{id}/replay", { params: { path: { id } } });
check(replay.data?.identical === true && replay.data.replayed?.tier.code === "VIP",
  `the replay differs at ${replay.data?.differences[0]?.path}`);
const version = decided.data?.ruleSet.version;
console.log(`typescript: decided ${id} VIP (version ${version}), retried, batched, read back, replayed identical`);

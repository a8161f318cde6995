// Prints, for each rule-set file named on the command line (e.g. a version's export), its content hash: "sha256:"
// and the hex SHA-256 of its RFC 8785 form as the canonicalize package (by one of the RFC's authors) writes it,
// without the "$schema" editor hint. The engine's content hashes are checked against it, so that they are known
// to be what any JCS library gives.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import canonicalize from "canonicalize";

for (const file of process.argv.slice(2)) {
  const { $schema, ...content } = JSON.parse(readFileSync(file, "utf8"));
  const canonical = canonicalize(content);
  console.log(`sha256:${createHash("sha256").update(canonical, "utf8").digest("hex")}`);
}

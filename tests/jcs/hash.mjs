// Prints, for each JSON file named on the command line, "sha256:" and the hex SHA-256 of its RFC 8785 form as
// the canonicalize package (by one of the RFC's authors) writes it: the engine's content hashes are checked
// against it, so that they are known to be what any JCS library gives.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import canonicalize from "canonicalize";

for (const file of process.argv.slice(2)) {
  const canonical = canonicalize(JSON.parse(readFileSync(file, "utf8")));
  console.log(`sha256:${createHash("sha256").update(canonical, "utf8").digest("hex")}`);
}

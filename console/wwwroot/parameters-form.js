// A draft's parameters as a form: one field per parameter, a malformed number refused at its field.
import { h } from "./core.js";

const shown = (file, name) => [file.parameters[name].value].flat().join(", ");

/**
 * The fields of `content`'s parameters (the one `target` names highlighted); `touched()` runs on typing.
 * `fill(file)` writes the values as typed into `file`; `follow(before, file)` shows `file`, saved after `before`,
 * keeping a value typed and found in neither, and answers how many it kept.
 */
export function parameterFields(content, target, editable, touched) {
  const fields = Object.entries(content.parameters ?? {}).map(([key, p]) =>
    h("div", {
      class: `field${target?.kind === "parameters" && target.key === key ? " targeted" : ""}`,
      "data-testid": `parameter-${key}` },
    h("label", { for: `param-${key}` }, key, h("small", {}, ` ${p.description ?? ""}`)),
    h("input", { id: `param-${key}`, name: key, value: shown(content, key), disabled: !editable, "data-type": p.type,
      oninput: touched, ...numberField(p.type) })));
  const inputs = () => fields.map((field) => field.querySelector("input"));
  return {
    fields,
    fill(file) {
      for (const input of inputs()) {
        const type = input.dataset.type;
        file.parameters[input.name].value = type === "string[]"
          ? input.value.split(",").map((s) => s.trim()).filter(Boolean)
          : type === "number" || type === "integer" ? Number(input.value)
          : type === "boolean" ? input.value === "true" : input.value;
      }
      return file;
    },
    follow(before, file) {
      const typed = inputs().filter((input) =>
        input.value !== shown(before, input.name) && input.value !== shown(file, input.name));
      for (const input of inputs()) if (!typed.includes(input)) input.value = shown(file, input.name);
      return typed.length;
    },
  };
}

// A number is refused at the field, before anything is saved: "800,000" would otherwise become null in the draft.
function numberField(type) {
  if (type !== "number" && type !== "integer") return {};
  const pattern = type === "integer" ? "-?[0-9]+" : "-?[0-9]+([.][0-9]+)?";
  return { required: true, inputmode: type === "integer" ? "numeric" : "decimal", pattern,
    title: "Digits only, without separators, e.g. 800000" };
}

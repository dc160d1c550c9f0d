// The staff desk: scan a batch, the review queue, keyboard-first correction (Tab: next unsure field, Enter: accept).
"use strict";
(async () => {
  await I18n.ready;
  const t = I18n.t;
  const desk = document.getElementById("desk");
  let token = "";

  async function api(path, body) {
    const options = body === undefined ? {} : {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": token },
      body: JSON.stringify(body),
    };
    const response = await fetch(`/staff/api${path}`, options);
    if (response.status === 401) { location.href = "/staff/signin"; throw new Error("signed out"); }
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error ?? response.statusText);
    return data;
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value);
    }
    node.append(...children);
    return node;
  }

  const session = await api("/session");
  token = session.token;
  document.getElementById("who").textContent = `${session.name} (${session.role})`;
  document.getElementById("signout").addEventListener("click", async () => {
    await api("/signout", {});
    location.href = "/staff/signin";
  });
  const settings = await api("/desk");

  // --- scanning a batch ---
  const scanForm = element("form", { id: "scan" },
    element("h2", { "data-t": "scan.title" }),
    element("label", {}, element("span", { "data-t": "scan.device" }), " ", element("input", { name: "device", value: settings.device, size: 50 })),
    element("label", {}, element("span", { "data-t": "scan.source" }), " ",
      element("select", { name: "source" },
        element("option", { value: "adf", "data-t": "scan.adf" }),
        element("option", { value: "duplex", "data-t": "scan.duplex" }),
        element("option", { value: "flatbed", "data-t": "scan.flatbed" }))),
    element("label", {}, element("span", { "data-t": "scan.procedure" }), " ", element("input", { name: "procedure", size: 12 })),
    element("button", { type: "submit", id: "scan-submit", "data-t": "scan.submit" }),
    element("p", { id: "scan-status", role: "status" }));
  scanForm.addEventListener("submit", async event => {
    event.preventDefault();
    const status = document.getElementById("scan-status");
    status.textContent = t("scan.running");
    scanForm.querySelector("button").disabled = true;
    try {
      const done = await api("/scans", { device: scanForm.device.value, source: scanForm.source.value, procedure: scanForm.procedure.value });
      status.textContent = t("scan.done", { code: done.code, pages: done.pages, unsure: done.unsure });
      await showQueue();
    } catch (error) {
      status.textContent = error.message;
    } finally {
      scanForm.querySelector("button").disabled = false;
    }
  });

  // --- the review queue ---
  const queue = element("section", { id: "queue" });
  async function showQueue() {
    const dossiers = await api("/review");
    queue.replaceChildren(element("h2", { "data-t": "queue.title" }));
    if (dossiers.length === 0) queue.append(element("p", { "data-t": "queue.empty" }));
    const list = element("ul");
    for (const dossier of dossiers) {
      list.append(element("li", { "data-code": dossier.code },
        element("strong", { text: dossier.code }), " ",
        element("span", { text: dossier.applicant ?? "" }), " · ",
        element("span", { text: t("queue.fields", { count: dossier.fields.length }) }), " ",
        element("button", { type: "button", class: "open", text: t("queue.open"), onclick: () => showReview(dossier.code) })));
    }
    queue.append(list);
    I18n.apply(queue);
  }

  // --- reviewing one dossier ---
  const review = element("section", { id: "review", hidden: "" });
  let current = null;

  async function showReview(code) {
    current = await api(`/dossiers/${encodeURIComponent(code)}`);
    renderReview();
    const first = review.querySelector("input.needs-review");
    (first ?? review.querySelector("#back")).focus();
  }

  function renderReview() {
    review.hidden = false;
    const rows = element("div", { class: "fields" });
    for (const field of current.fields) {
      const needs = field.unsure || field.conflict;
      const input = element("input", {
        id: `field-${field.name}`, name: field.name, value: field.value,
        class: needs ? "needs-review" : "", "data-source": field.source, "aria-describedby": `meta-${field.name}`,
      });
      input.addEventListener("focus", () => showCrop(field));
      input.addEventListener("keydown", event => onKey(event, field, input));
      const flags = [];
      if (field.unsure) flags.push(t("review.unsure"));
      if (field.conflict) flags.push(`${t("review.conflict")}: ${field.alternatives.join(" | ")}`);
      rows.append(element("label", { class: needs ? "row needs-review" : "row" },
        element("span", { class: "name", text: t(`field.${field.name}`) }), input,
        element("small", { id: `meta-${field.name}`, class: "meta",
          text: `${t("review.source")}: ${field.source} · ${t("review.confidence")}: ${field.confidence.toFixed(2)}${flags.length ? " · " + flags.join(" · ") : ""}` })));
    }
    const audit = element("ol", { id: "audit" });
    for (const c of current.corrections) {
      audit.append(element("li", { text: t("audit.entry", { at: new Date(c.at).toLocaleString(I18n.lang), who: c.by, field: t(`field.${c.field}`), old: c.oldValue ?? "", new: c.newValue }) }));
    }
    review.replaceChildren(
      element("h2", { text: t("review.title", { code: current.code }) }),
      element("p", { class: "help", text: t("review.help") }),
      element("div", { class: "review-body" }, rows, element("div", { id: "crop", class: "crop" })),
      element("p", { id: "review-status", role: "status" }),
      element("button", { type: "button", id: "back", text: t("review.back"), onclick: () => { review.hidden = true; showQueue(); } }),
      element("h3", { text: t("audit.title") }), audit);
  }

  function unsureInputs() { return [...review.querySelectorAll("input.needs-review")]; }

  function onKey(event, field, input) {
    if (event.key === "Tab") {
      // Tab walks the unsure fields only, round and round
      const all = unsureInputs();
      if (all.length === 0) return;
      event.preventDefault();
      const at = all.indexOf(input);
      const next = event.shiftKey ? all[(at - 1 + all.length) % all.length] : all[(at + 1) % all.length];
      next.focus();
      next.select();
    } else if (event.key === "Enter") {
      event.preventDefault();
      accept(field, input);
    }
  }

  async function accept(field, input) {
    const status = document.getElementById("review-status");
    try {
      const remainingBefore = unsureInputs().map(i => i.name);
      current = await api(`/dossiers/${encodeURIComponent(current.code)}/fields/${field.name}`, { value: input.value, version: current.version });
      renderReview();
      const stillUnsure = unsureInputs();
      document.getElementById("review-status").textContent = stillUnsure.length
        ? t("review.saved", { field: t(`field.${field.name}`) })
        : t("review.allDone");
      // on to the next unsure field after this one in the page's order
      const after = remainingBefore.slice(remainingBefore.indexOf(field.name) + 1).concat(remainingBefore);
      const next = after.map(name => stillUnsure.find(i => i.name === name)).find(Boolean);
      (next ?? document.getElementById("back")).focus();
    } catch (error) {
      status.textContent = error.message;
    }
  }

  // the page crop: the document the field was read from, the field itself highlighted
  function showCrop(field) {
    const crop = document.getElementById("crop");
    crop.replaceChildren();
    if (!field.page) return;
    const page = current.pages.find(p => p.page === field.page);
    const h = field.highlight;
    const region = field.region ?? (h
      ? { x: 0, y: Math.max(0, h.y - 250), width: page.width, height: Math.min(page.height, h.height + 500) }
      : { x: 0, y: 0, width: page.width, height: page.height });
    const width = 560;
    const scale = width / region.width;
    crop.style.width = `${width}px`;
    crop.style.height = `${Math.min(region.height * scale, 720)}px`;
    const image = element("img", { alt: "", src: `/staff/api/dossiers/${encodeURIComponent(current.code)}/pages/${field.page}` });
    image.style.width = `${page.width * scale}px`;
    image.style.left = `${-region.x * scale}px`;
    image.style.top = `${-region.y * scale}px`;
    crop.append(image);
    if (h) {
      const mark = element("div", { class: "highlight", "data-field": field.name });
      mark.style.left = `${(h.x - region.x) * scale}px`;
      mark.style.top = `${(h.y - region.y) * scale}px`;
      mark.style.width = `${h.width * scale}px`;
      mark.style.height = `${h.height * scale}px`;
      crop.append(mark);
    }
  }

  desk.append(scanForm, queue, review);
  I18n.apply(desk);
  await showQueue();
})();

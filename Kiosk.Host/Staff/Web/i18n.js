// Texts come from strings.vi.json / strings.en.json (Vietnamese first); elements name theirs in data-t.
"use strict";
const I18n = (() => {
  const lang = localStorage.getItem("intake-lang") === "en" ? "en" : "vi";
  let texts = {};
  const ready = fetch(`/staff/assets/strings.${lang}.json`).then(r => r.json()).then(t => {
    texts = t;
    document.documentElement.lang = lang;
    apply(document);
  });
  function t(key, values) {
    let text = texts[key] ?? key;
    for (const [name, value] of Object.entries(values ?? {})) text = text.replaceAll(`{${name}}`, value);
    return text;
  }
  function apply(root) {
    for (const element of root.querySelectorAll("[data-t]")) element.textContent = t(element.dataset.t);
  }
  document.addEventListener("click", event => {
    if (!event.target.closest(".switch-lang")) return;
    localStorage.setItem("intake-lang", lang === "vi" ? "en" : "vi");
    location.reload();
  });
  return { t, apply, ready, lang };
})();

"use strict";
(async () => {
  await I18n.ready;
  const form = document.getElementById("signin");
  const message = document.getElementById("message");
  form.addEventListener("submit", async event => {
    event.preventDefault();
    message.textContent = "";
    // the antiforgery token for an anonymous visitor; the desk asks again once signed in
    const { token } = await (await fetch("/staff/api/antiforgery")).json();
    const response = await fetch("/staff/api/signin", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": token },
      body: JSON.stringify({ name: form.name.value, pin: form.pin.value }),
    });
    form.pin.value = "";
    if (response.ok) { location.href = "/staff"; return; }
    const body = await response.json().catch(() => ({}));
    message.textContent = body.error ?? I18n.t("signin.failed");
  });
})();

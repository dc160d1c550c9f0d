"use strict";
// The form never submits itself (a PIN must not end up in a URL or a log): the handler is in place before anything else.
const form = document.getElementById("signin");
const message = document.getElementById("message");
const nameInput = document.getElementById("name");
const pinInput = document.getElementById("pin");
form.addEventListener("submit", async event => {
  event.preventDefault();
  await I18n.ready;
  message.textContent = "";
  // the antiforgery token for an anonymous visitor; the desk asks again once signed in
  const { token } = await (await fetch("/staff/api/antiforgery")).json();
  const response = await fetch("/staff/api/signin", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": token },
    body: JSON.stringify({ name: nameInput.value, pin: pinInput.value }),
  });
  pinInput.value = "";
  if (response.ok) { location.href = "/staff"; return; }
  const body = await response.json().catch(() => ({}));
  message.textContent = body.error ?? I18n.t("signin.failed");
});

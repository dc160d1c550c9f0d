// The citizen's screen (docs/api.md). No storage of any kind: the session lives on the kiosk service, and every
// trace of it on this page (text, images, addresses) is removed when it ends.
'use strict';
(() => {
  const $ = id => document.getElementById(id);
  let lang = 'vi';
  let texts = {};
  let speech = false;
  let session = null;   // { id, procedure, idleTimeoutSeconds, warningSeconds }
  let events = null;
  let countdown = null;
  let lastTouch = 0;
  const t = key => texts[key] ?? key;

  async function api(method, path, body) {
    const response = await fetch(path, {
      method, cache: 'no-store',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok && response.status !== 404) {
      const problem = await response.json().catch(() => ({}));
      showError(problem.error || t('error.generic'));
      throw new Error(String(response.status));
    }
    return response.status === 204 || response.status === 404 ? null : response.json();
  }

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = false;
    setTimeout(() => { box.hidden = true; box.textContent = ''; }, 6000);
  }

  async function loadTexts() {
    texts = await api('GET', `/api/texts?lang=${lang}`);
    document.documentElement.lang = lang;
    document.title = t('app.title');
    for (const element of document.querySelectorAll('[data-t]')) element.textContent = t(element.dataset.t);
    $('lang').lang = lang === 'vi' ? 'en' : 'vi';
    $('speech').textContent = t(speech ? 'speech.off' : 'speech.on');
    $('search').placeholder = t('start.hint');
    $('qr').alt = t('receipt.qr');
    renderChecklist(lastChecklist);
    for (const page of pageStates.values()) renderPage(page);
    if (lastReview) renderReview(lastReview);
  }

  function say(key) {
    if (!speech) return;
    new Audio(`/api/speech/${key}?lang=${lang}`).play().catch(() => {});
  }

  function show(name) {
    for (const screen of document.querySelectorAll('.screen')) screen.hidden = screen.id !== `screen-${name}`;
    document.body.dataset.screen = name;
    say(`${name}.prompt`);
  }

  // ---- procedure picker
  let searchTimer = null;
  let searchNumber = 0;
  async function search() {
    const query = $('search').value;
    const number = ++searchNumber;
    const found = await api('GET', `/api/procedures?q=${encodeURIComponent(query)}`);
    if (number !== searchNumber) return; // a later search has been typed: its answer shows
    const list = $('results');
    list.replaceChildren();
    if (found.length === 0) {
      const none = document.createElement('li');
      none.textContent = t('start.none');
      list.append(none);
    }
    for (const procedure of found) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.code = procedure.code;
      const code = document.createElement('span');
      code.className = 'code';
      code.textContent = procedure.code;
      const name = document.createElement('span');
      name.textContent = procedure.name;
      button.append(code, name);
      button.addEventListener('click', () => start(procedure.code));
      item.append(button);
      list.append(item);
    }
  }

  async function start(code) {
    const started = await api('POST', '/api/session', { procedure: code });
    if (!started) return;
    session = started;
    $('scan-procedure').textContent = `${started.procedure.code} ${started.procedure.name}.`;
    renderChecklist(started.checklist);
    listen();
    show('scan');
  }

  // ---- scanning and live progress
  let lastChecklist = [];
  const pageStates = new Map();

  function renderChecklist(items) {
    lastChecklist = items || [];
    const list = $('checklist');
    list.replaceChildren();
    for (const item of lastChecklist) {
      const li = document.createElement('li');
      li.className = item.present ? 'present' : 'absent';
      li.dataset.type = item.documentType;
      const mark = document.createElement('span');
      mark.className = 'mark';
      mark.setAttribute('aria-hidden', 'true');
      mark.textContent = item.present ? '✓' : '';
      const label = document.createElement('span');
      label.textContent = t(`doc.${item.documentType}`);
      li.append(mark, label);
      li.setAttribute('aria-label', `${t(`doc.${item.documentType}`)}: ${item.present ? '✓' : '—'}`);
      list.append(li);
    }
  }

  function renderPage(page) {
    pageStates.set(page.number, page);
    let item = document.querySelector(`#pages li[data-page="${page.number}"]`);
    if (!item) {
      item = document.createElement('li');
      item.dataset.page = String(page.number);
      const image = document.createElement('img');
      image.alt = `${t('page.number')} ${page.number}`;
      const state = document.createElement('span');
      state.className = 'state';
      const kinds = document.createElement('span');
      kinds.className = 'kinds';
      item.append(image, state, kinds);
      $('pages').append(item);
    }
    item.className = page.state;
    const image = item.querySelector('img');
    if (page.thumbnail && image.getAttribute('src') !== page.thumbnail) image.src = page.thumbnail;
    image.alt = `${t('page.number')} ${page.number}`;
    item.querySelector('.state').textContent = `${page.number}. ${t(`page.${page.state}`)}`;
    item.querySelector('.kinds').textContent = (page.documentTypes || []).map(type => t(`doc.${type}`)).join(', ');
    $('no-pages').hidden = pageStates.size > 0;
    $('to-review').disabled = pageStates.size === 0;
  }

  function listen() {
    events = new EventSource(`/api/session/${session.id}/events`);
    events.addEventListener('page', message => {
      const data = JSON.parse(message.data);
      renderPage(data.page);
      renderChecklist(data.checklist);
    });
    events.addEventListener('idle', message => warnIdle(JSON.parse(message.data).secondsLeft));
    events.addEventListener('ended', () => reset());
  }

  async function scan() {
    const button = $('scan');
    button.disabled = true;
    button.textContent = t('scan.scanning');
    try {
      await api('POST', `/api/session/${session.id}/scan`);
    } finally {
      button.disabled = false;
      button.textContent = t('scan.button');
    }
  }

  // ---- review
  let lastReview = null;
  async function review() {
    show('review');
    $('fields').replaceChildren();
    $('review-wait').hidden = false;
    $('confirm').disabled = true;
    const result = await api('GET', `/api/session/${session.id}/review`);
    if (!result) return;
    lastReview = result;
    renderReview(result);
    $('review-wait').hidden = true;
    $('confirm').disabled = false;
  }

  // dates travel as yyyy-MM-dd; Vietnamese papers write them dd/MM/yyyy
  const displayValue = value => /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('/') : value;

  function renderReview(result) {
    const fields = $('fields');
    fields.replaceChildren();
    for (const field of result.fields) {
      const box = document.createElement('div');
      box.className = field.unsure || field.conflicting ? 'field unsure' : field.corrected ? 'field corrected' : 'field';
      box.dataset.field = field.name;
      const term = document.createElement('p');
      term.className = 'term';
      term.id = `term-${field.name}`;
      term.textContent = t(`field.${field.name}`);
      const value = document.createElement('p');
      value.className = 'value';
      value.textContent = field.name === 'sex' ? t(`sex.${field.value}`) : displayValue(field.value);
      box.append(term, value);
      if (field.unsure || field.conflicting || field.corrected) {
        const badge = document.createElement('p');
        badge.className = 'badge';
        badge.textContent = t(field.conflicting ? 'review.conflicting' : field.unsure ? 'review.unsure' : 'review.corrected');
        box.append(badge);
      }
      if (field.crop) {
        const crop = document.createElement('img');
        crop.src = field.crop;
        crop.alt = `${t('review.crop')} ${t(`field.${field.name}`)}`;
        box.append(crop);
      }
      const edit = document.createElement('button');
      edit.type = 'button';
      edit.className = 'secondary edit';
      edit.textContent = t('review.edit');
      edit.setAttribute('aria-label', `${t('review.edit')}: ${t(`field.${field.name}`)}`);
      edit.addEventListener('click', () => startEditing(box, field));
      box.append(edit);
      fields.append(box);
    }
    const missing = result.checklist.filter(item => !item.present).map(item => t(`doc.${item.documentType}`));
    $('missing').hidden = missing.length === 0;
    $('missing').textContent = missing.length ? `${t('review.missing')}: ${missing.join(', ')}` : '';
  }

  // ---- the citizen corrects a field: one at a time, in place, with the keyboard the value needs
  const inputModes = { idNumber: 'numeric', dateOfBirth: 'numeric' };

  function startEditing(box, field) {
    for (const other of document.querySelectorAll('#fields .editor')) other.remove();
    for (const button of document.querySelectorAll('#fields .edit')) button.hidden = false;
    box.querySelector('.edit').hidden = true;
    const editor = document.createElement('div');
    editor.className = 'editor';
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.id = `hint-${field.name}`;
    hint.textContent = t(`review.hint.${['idNumber', 'dateOfBirth', 'sex'].includes(field.name) ? field.name : 'text'}`);
    let input;
    if (field.name === 'sex') {
      input = document.createElement('select');
      for (const sex of ['M', 'F']) {
        const option = document.createElement('option');
        option.value = sex;
        option.textContent = t(`sex.${sex}`);
        option.selected = field.value === sex;
        input.append(option);
      }
    } else {
      input = document.createElement('input');
      input.type = 'text';
      input.value = displayValue(field.value);
      input.autocomplete = 'off';
      input.spellcheck = false;
      input.inputMode = inputModes[field.name] ?? 'text';
      if (field.name === 'idNumber') input.maxLength = 12;
      if (field.name === 'dateOfBirth') input.maxLength = 10;
    }
    input.id = `edit-${field.name}`;
    input.className = 'edit-value';
    input.setAttribute('aria-labelledby', `term-${field.name}`);
    input.setAttribute('aria-describedby', hint.id);
    const problem = document.createElement('p');
    problem.className = 'problem';
    problem.setAttribute('role', 'alert');
    problem.hidden = true;
    const save = document.createElement('button');
    save.type = 'button';
    save.className = 'primary save';
    save.textContent = t('review.save');
    const keep = document.createElement('button');
    keep.type = 'button';
    keep.className = 'secondary keep';
    keep.textContent = t('review.keep');
    const buttons = document.createElement('div');
    buttons.className = 'editor-actions';
    buttons.append(save, keep);
    editor.append(input, hint, problem, buttons);
    box.append(editor);
    $('confirm').disabled = true;
    const stop = () => { editor.remove(); box.querySelector('.edit').hidden = false; $('confirm').disabled = false; box.querySelector('.edit').focus(); };
    keep.addEventListener('click', stop);
    save.addEventListener('click', () => saveField(field.name, input, problem, save));
    input.addEventListener('keydown', event => {
      if (event.key === 'Enter') saveField(field.name, input, problem, save);
      if (event.key === 'Escape') stop();
    });
    input.focus();
  }

  // a refused value stays in the box with the reason under it, so nothing typed is lost
  async function saveField(name, input, problem, save) {
    save.disabled = true;
    try {
      const response = await fetch(`/api/session/${session.id}/fields/${name}`, {
        method: 'POST', cache: 'no-store', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ value: input.value.normalize('NFC') }),
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        problem.textContent = answer.error || t('error.generic');
        problem.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      lastReview = answer;
      renderReview(answer);
      $('confirm').disabled = false;
      document.querySelector(`#fields .field[data-field="${name}"] .edit`)?.focus();
    } finally {
      save.disabled = false;
    }
  }

  async function confirm() {
    $('confirm').disabled = true;
    const receipt = await api('POST', `/api/session/${session.id}/confirm`);
    if (!receipt) return;
    $('qr').src = receipt.qr;
    $('receipt-code').textContent = receipt.code;
    $('receipt-procedure').textContent = `${receipt.procedure} ${receipt.procedureName ?? ''}`;
    $('receipt-id').textContent = receipt.idNumber ?? '—';
    $('receipt-time').textContent = new Date(receipt.time).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
    $('receipt-pdf').href = receipt.pdf;
    show('receipt');
  }

  // ---- privacy: idle countdown and the wipe
  function warnIdle(secondsLeft) {
    const dialog = $('idle');
    $('idle-seconds').textContent = String(secondsLeft);
    if (!dialog.hidden) return;
    dialog.hidden = false;
    $('idle-continue').focus();
    say('idle.title');
    let left = secondsLeft;
    clearInterval(countdown);
    countdown = setInterval(() => {
      left = Math.max(0, left - 1);
      $('idle-seconds').textContent = String(left);
      if (left === 0) { clearInterval(countdown); reset(); }
    }, 1000);
  }

  function touch(force) {
    if (!session) return;
    const now = Date.now();
    if (!force && now - lastTouch < 3000) return;
    lastTouch = now;
    fetch(`/api/session/${session.id}/touch`, { method: 'POST', cache: 'no-store' }).catch(() => {});
  }

  // Everything of the session leaves the page: texts, images (their addresses too), the event stream.
  function reset() {
    clearInterval(countdown);
    if (events) { events.close(); events = null; }
    session = null;
    lastReview = null;
    lastChecklist = [];
    pageStates.clear();
    $('idle').hidden = true;
    for (const id of ['results', 'checklist', 'pages', 'fields']) $(id).replaceChildren();
    for (const id of ['scan-procedure', 'receipt-code', 'receipt-procedure', 'receipt-id', 'receipt-time', 'missing']) $(id).textContent = '';
    $('qr').removeAttribute('src');
    $('receipt-pdf').setAttribute('href', '#');
    $('search').value = '';
    $('no-pages').hidden = false;
    $('to-review').disabled = true;
    show('start');
    search();
  }

  async function end(reason) {
    const id = session?.id;
    reset();
    if (id) await fetch(`/api/session/${id}?reason=${reason}`, { method: 'DELETE', cache: 'no-store' });
  }

  document.addEventListener('pointerdown', () => touch(false));
  document.addEventListener('keydown', () => touch(false));
  $('search').addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(search, 150); });
  $('scan').addEventListener('click', scan);
  $('to-review').addEventListener('click', review);
  $('back-to-scan').addEventListener('click', () => { lastReview = null; show('scan'); });
  $('confirm').addEventListener('click', confirm);
  $('finish').addEventListener('click', () => end('finished'));
  for (const button of document.querySelectorAll('.cancel')) button.addEventListener('click', () => end('cancelled'));
  $('idle-continue').addEventListener('click', () => { clearInterval(countdown); $('idle').hidden = true; touch(true); });
  $('lang').addEventListener('click', () => { lang = lang === 'vi' ? 'en' : 'vi'; loadTexts(); });
  $('speech').addEventListener('click', () => {
    speech = !speech;
    $('speech').setAttribute('aria-pressed', String(speech));
    $('speech').textContent = t(speech ? 'speech.off' : 'speech.on');
    say(`${document.body.dataset.screen}.prompt`);
  });

  (async () => {
    // a page loaded afresh starts afresh: a session left by a previous screen is wiped
    await fetch('/api/session/current', { method: 'DELETE', cache: 'no-store' });
    await loadTexts();
    reset();
  })();
})();

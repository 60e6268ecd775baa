// The agent console page. Plain browser JavaScript, no framework, served from our own origin
// under a strict Content-Security-Policy. Every text from the server (knowledge base, citizens'
// names and topics) goes into the page through textContent or attribute setters, never innerHTML,
// so HTML in data always shows as text.
'use strict';

(function () {
  const csrfToken = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  const $ = (id) => document.getElementById(id);
  const search = $('search');
  const results = $('results');
  const resultsStatus = $('results-status');
  const card = $('card');
  const queue = $('queue');
  const queueList = $('queue-list');
  const queueStatus = $('queue-status');
  const queueDate = $('queue-date');

  const STATUS_DA = { booked: 'Venter', claimed: 'I gang', done: 'Færdig', no_answer: 'Intet svar', cancelled: 'Aflyst', expired: 'Udløbet' };
  const BASIS_DA = { stated: 'oplyst', 'adopted-proposal': 'forslag regnet som vedtaget', assumed: 'antaget' };
  let currentUnit = null;
  let searchController = null;
  let searchTimer = 0;

  /** Creates an element with a class and text; children appended as given. */
  function el(tag, options, ...children) {
    const node = document.createElement(tag);
    const o = options || {};
    if (o.className) node.className = o.className;
    if (o.text !== undefined && o.text !== null) node.textContent = String(o.text);
    if (o.attrs) for (const [k, v] of Object.entries(o.attrs)) node.setAttribute(k, String(v));
    for (const child of children) if (child) node.append(child);
    return node;
  }

  async function api(path, init) {
    const options = Object.assign({ credentials: 'same-origin', headers: {} }, init || {});
    options.headers = Object.assign({ Accept: 'application/json' }, options.headers);
    if (options.method === 'POST') {
      options.headers['X-CSRF-Token'] = csrfToken;
      options.headers['Content-Type'] = 'application/json';
    }
    const res = await fetch(path, options);
    if (res.status === 401) {
      window.location.assign('/agent/login');
      throw new Error('signed out');
    }
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      const error = new Error(body.message || `HTTP ${res.status}`);
      error.status = res.status;
      throw error;
    }
    return body;
  }

  function badge(openNow) {
    if (openNow === true) return el('span', { className: 'badge open', text: 'Åben nu' });
    if (openNow === false) return el('span', { className: 'badge closed', text: 'Lukket' });
    return el('span', { className: 'badge unknown', text: 'Telefontid ukendt' });
  }

  /** "2026-12-07T09:00:00+01:00" → "7/12 kl. 9.00" (the instants are already in Aarhus time). */
  function when(iso) {
    if (!iso) return '';
    const [date, time] = iso.split('T');
    const [, m, d] = date.split('-').map(Number);
    const [h, min] = time.split(':');
    return `${d}/${m} kl. ${Number(h)}.${min}`;
  }

  function clock(iso) {
    const [h, min] = iso.split('T')[1].split(':');
    return `${h}.${min}`;
  }

  // --- search ------------------------------------------------------------------------------

  function scheduleSearch() {
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(runSearch, 120);
  }

  async function runSearch() {
    const q = search.value.trim();
    if (searchController) searchController.abort();
    if (q === '') {
      results.replaceChildren();
      resultsStatus.textContent = '';
      return;
    }
    searchController = new AbortController();
    try {
      const body = await api(`/api/agent/search?q=${encodeURIComponent(q)}`, { signal: searchController.signal });
      renderResults(body.results);
    } catch (error) {
      if (error.name !== 'AbortError') resultsStatus.textContent = `Søgningen fejlede: ${error.message}`;
    }
  }

  function renderResults(list) {
    results.replaceChildren(
      ...list.map((r) => {
        const button = el(
          'button',
          { className: 'result', attrs: { type: 'button', 'data-unit': r.id } },
          el('span', { className: 'result-name', text: r.name }),
          badge(r.openNow),
          el('span', { className: 'result-phones', text: r.phones.join(', ') }),
          el('span', { className: 'result-when', text: r.openNow ? (r.closesAt ? `lukker ${when(r.closesAt)}` : '') : r.nextOpening ? `åbner ${when(r.nextOpening)}` : '' }),
        );
        button.addEventListener('click', () => openUnit(r.id));
        return el('li', {}, button);
      }),
    );
    resultsStatus.textContent = list.length === 0 ? 'Ingen afdelinger fundet' : `${list.length} ${list.length === 1 ? 'afdeling' : 'afdelinger'} fundet`;
  }

  function resultButtons() {
    return Array.from(results.querySelectorAll('button.result'));
  }

  search.addEventListener('input', scheduleSearch);
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      const first = resultButtons()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Enter') {
      event.preventDefault();
      window.clearTimeout(searchTimer);
      runSearch().then(() => {
        const first = resultButtons()[0];
        if (first) openUnit(first.getAttribute('data-unit'));
      });
    }
  });
  results.addEventListener('keydown', (event) => {
    const buttons = resultButtons();
    const i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    if (event.key === 'ArrowDown' && buttons[i + 1]) {
      event.preventDefault();
      buttons[i + 1].focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      (buttons[i - 1] || search).focus();
    } else if (event.key === 'Escape') {
      search.focus();
    }
  });
  document.addEventListener('keydown', (event) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (event.key === '/' && !typing) {
      event.preventDefault();
      search.focus();
      search.select();
    }
  });

  // --- the unit card -----------------------------------------------------------------------

  function sourceLine(source) {
    const line = el('p', { className: 'source', text: `Kilde: ${source.title} (${source.date}) · ${BASIS_DA[source.basis] || source.basis}` });
    if (source.assumed) line.prepend(el('span', { className: 'flag assumed', text: 'Antaget' }), ' ');
    if (source.note) line.append(el('span', { className: 'source-note', text: ` – ${source.note}` }));
    return line;
  }

  function linkOrText(label, url) {
    if (url && /^https?:\/\//.test(url)) return el('a', { text: label, attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } });
    return el('span', { text: label });
  }

  function section(title, ...children) {
    return el('section', { className: 'facts' }, el('h3', { text: title }), ...children);
  }

  function copyBlock(lang, label, text) {
    const id = `answer-${lang}`;
    const area = el('textarea', { text, attrs: { id, readonly: '', rows: 8, lang } });
    const status = el('span', { className: 'copy-status', attrs: { role: 'status', 'aria-live': 'polite' } });
    const button = el('button', { text: `Kopiér ${label.toLowerCase()}`, attrs: { type: 'button', 'data-copy': lang } });
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(area.value);
      } catch {
        area.select();
        document.execCommand('copy');
      }
      status.textContent = 'Kopieret';
      window.setTimeout(() => (status.textContent = ''), 2000);
    });
    return el('div', { className: 'answer' }, el('label', { text: label, attrs: { for: id } }), area, el('div', { className: 'answer-actions' }, button, status));
  }

  function renderCard(c) {
    const heading = el('h2', { text: c.name.da, attrs: { id: 'card-heading', tabindex: '-1' } });
    const head = el('div', { className: 'card-head' }, heading, badge(c.openNow));
    const status = el('p', { className: 'status', text: c.status.da });
    const parts = [head, el('p', { className: 'description', text: c.description.da }), status];
    if (c.stale) {
      parts.push(el('p', { className: 'flag stale', text: `Oplysningerne er ikke kontrolleret i ${c.verifiedDaysAgo} dage (senest ${c.lastVerified}) – tjek dem før du svarer.` }));
    }
    if (c.hours.sameAs) parts.push(el('p', { className: 'help', text: `Telefontid og linje som ${c.hours.sameAs.name.da}.` }));

    parts.push(
      section(
        'Telefon',
        el(
          'ul',
          { className: 'phones' },
          ...c.phones.map((p) =>
            el('li', {}, el('a', { className: 'phone', text: p.number, attrs: { href: `tel:${p.tel}` } }), p.label ? el('span', { text: ` – ${p.label.da}` }) : null, sourceLine(p.source)),
          ),
        ),
      ),
    );

    const rows = c.hours.week.map((d) => {
      const row = el('tr', { className: d.today ? 'today' : '' }, el('td', { text: d.text.da }));
      if (d.today) row.setAttribute('aria-current', 'date');
      return row;
    });
    parts.push(
      section(
        'Telefontider denne uge',
        el('table', { className: 'week' }, el('caption', { className: 'visually-hidden', text: 'Telefontider denne uge, i dag markeret' }), el('tbody', {}, ...rows)),
        c.nextOpening ? el('p', { text: `Næste åbning: ${when(c.nextOpening)}` }) : null,
        c.closesAt ? el('p', { text: `Lukker: ${when(c.closesAt)}` }) : null,
        c.hours.note ? el('p', { className: 'help', text: c.hours.note.da }) : null,
        sourceLine(c.hours.source),
      ),
    );

    if (c.agentNotes.da.length > 0) parts.push(section('Noter til agenter', el('ul', { className: 'notes' }, ...c.agentNotes.da.map((n) => el('li', { text: n })))));

    const self = [];
    if (c.digitalPost) self.push(el('li', {}, el('strong', { text: 'Digital post: ' }), el('span', { text: c.digitalPost.note.da }), sourceLine(c.digitalPost.source)));
    for (const s of c.selfService) self.push(el('li', {}, linkOrText(s.label.da, s.url), sourceLine(s.source)));
    if (self.length > 0) parts.push(section('Borgeren kan selv', el('ul', {}, ...self)));

    const other = [];
    for (const e of c.emails) other.push(el('li', {}, el('span', { text: `E-mail: ${e.address}` }), sourceLine(e.source)));
    for (const w of c.web) other.push(el('li', {}, linkOrText(w.label.da, w.url), sourceLine(w.source)));
    if (other.length > 0) parts.push(section('Andre veje ind', el('ul', {}, ...other)));

    parts.push(
      section(
        'Kilder og kontrol',
        el('p', { text: `Senest kontrolleret ${c.lastVerified}${c.stale ? ' – forældet' : ''}` }),
        ...c.provenance.map(sourceLine),
      ),
    );
    parts.push(section('Svar til borgeren', copyBlock('da', 'Dansk svar', c.answer.da), copyBlock('en', 'Engelsk svar', c.answer.en)));

    card.replaceChildren(...parts);
    card.hidden = false;
    heading.focus();
  }

  async function openUnit(id) {
    try {
      const c = await api(`/api/agent/units/${encodeURIComponent(id)}`);
      currentUnit = c;
      renderCard(c);
      if (c.callbacks.offered) {
        queue.hidden = false;
        loadQueue();
      } else {
        queue.hidden = true;
      }
    } catch (error) {
      resultsStatus.textContent = `Afdelingen kunne ikke hentes: ${error.message}`;
    }
  }

  // --- the callback queue ------------------------------------------------------------------

  async function loadQueue() {
    if (!currentUnit) return;
    const date = queueDate.value ? `&date=${encodeURIComponent(queueDate.value)}` : '';
    try {
      const body = await api(`/api/agent/callbacks?unit=${encodeURIComponent(currentUnit.id)}${date}`);
      queueDate.value = body.date;
      renderQueue(body.callbacks);
    } catch (error) {
      queueStatus.textContent = `Køen kunne ikke hentes: ${error.message}`;
    }
  }

  async function act(path, payload, done) {
    try {
      await api(path, { method: 'POST', body: JSON.stringify(payload || {}) });
      queueStatus.textContent = done;
    } catch (error) {
      queueStatus.textContent = `Det lykkedes ikke: ${error.message}`;
    }
    await loadQueue();
  }

  function renderQueue(list) {
    const open = list.filter((b) => b.status === 'booked' || b.status === 'claimed').length;
    queueStatus.textContent = list.length === 0 ? 'Ingen opringninger denne dag' : `${list.length} ${list.length === 1 ? 'opringning' : 'opringninger'}, ${open} ${open === 1 ? 'åben' : 'åbne'}`;
    queueList.replaceChildren(
      ...list.map((b) => {
        const ref = b.reference;
        const item = el(
          'li',
          { className: `callback ${b.status}${b.mine ? ' mine' : ''}`, attrs: { 'data-reference': ref } },
          el('p', { className: 'slot' }, el('strong', { text: `${clock(b.slotStart)}–${clock(b.slotEnd)}` }), ` · ${ref} · `, el('span', { className: 'state', text: STATUS_DA[b.status] || b.status })),
          el('p', { text: `Navn: ${b.name || '(intet navn)'}` }),
          b.topic ? el('p', { text: `Emne: ${b.topic}` }) : null,
          el('p', {}, 'Telefon: ', b.phoneVisible ? el('a', { className: 'phone', text: b.phone, attrs: { href: `tel:${b.phone.replace(/ /g, '')}` } }) : el('span', { text: b.phone || '(slettet)' })),
          b.attemptsMade > 0 ? el('p', { text: `Forsøg: ${b.attemptsMade}` }) : null,
          b.note ? el('p', { text: `Note: ${b.note}` }) : null,
        );
        if (b.status === 'booked') {
          const claim = el('button', { text: `Tag opringning ${ref}`, attrs: { type: 'button', 'data-action': 'claim' } });
          claim.addEventListener('click', () => act(`/api/agent/callbacks/${ref}/claim`, {}, `Du har taget ${ref}`));
          item.append(claim);
        } else if (b.status === 'claimed' && b.mine) {
          const noteId = `note-${ref}`;
          const note = el('textarea', { attrs: { id: noteId, rows: 2, maxlength: 1000 } });
          const doneButton = el('button', { text: 'Færdig', attrs: { type: 'button', 'data-action': 'done' } });
          const noAnswer = el('button', { text: 'Intet svar', attrs: { type: 'button', 'data-action': 'no_answer' } });
          const complete = (outcome, message) => () => act(`/api/agent/callbacks/${ref}/complete`, note.value.trim() ? { outcome, note: note.value } : { outcome }, message);
          doneButton.addEventListener('click', complete('done', `${ref} er markeret færdig`));
          noAnswer.addEventListener('click', complete('no_answer', `${ref}: intet svar noteret`));
          item.append(el('label', { text: 'Note (valgfri)', attrs: { for: noteId } }), note, el('div', { className: 'actions' }, doneButton, noAnswer));
        } else if (b.status === 'claimed') {
          item.append(el('p', { className: 'help', text: `Taget af ${b.claimedBy}` }));
        }
        return item;
      }),
    );
  }

  $('queue-refresh').addEventListener('click', loadQueue);
  queueDate.addEventListener('change', loadQueue);
  search.focus();
})();

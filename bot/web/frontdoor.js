// Frontdoor's page: gets a Direct Line token from our own server, embeds Web Chat (served from our
// own /static/webchat.js) and draws the answer card from channelData.frontdoorCard.
'use strict';

(function frontdoor() {
  // Web Chat injects its styles at run time; the page's Content-Security-Policy admits them by this nonce.
  const nonce = (document.currentScript && document.currentScript.nonce) || undefined;

  const TEXT = {
    da: {
      pageTitle: 'Frontdoor – Aarhus Kommune',
      skip: 'Gå direkte til chatten',
      heading: 'Hvem skal jeg kontakte?',
      intro:
        'Skriv dit spørgsmål til kommunen. Svaret fortæller, hvem du skal kontakte, hvilket nummer du skal ringe til, og om de har åbent lige nu. Er der lukket, kan du bestille en opringning.',
      emergencyLead: 'Akut fare for liv eller helbred?',
      emergencyCall: 'Ring',
      chatTitle: 'Chat med Aarhus Kommune',
      connecting: 'Chatten starter …',
      failed: 'Chatten kunne ikke starte. Genindlæs siden, eller ring til Aarhus Kommune på 89 40 20 00.',
      footerCall: 'Du kan altid ringe til Aarhus Kommune på',
      footerPrivacy: 'Skriv ikke dit CPR-nummer i chatten.',
      switchTo: 'English',
      switchLang: 'en',
      command: 'dansk',
      open: 'Åbent nu',
      closed: 'Lukket nu',
      unknown: 'Åbningstid ukendt',
      call: 'Ring',
      otherWays: 'Andre veje',
      newWindow: '(åbner i et nyt vindue)',
      card: 'Kontaktkort',
    },
    en: {
      pageTitle: 'Frontdoor – Aarhus Municipality',
      skip: 'Skip to the chat',
      heading: 'Who should I contact?',
      intro:
        'Write your question to the municipality. The answer tells you whom to contact, which number to call and whether they are open right now. If they are closed, you can book a call-back.',
      emergencyLead: 'Urgent danger to life or health?',
      emergencyCall: 'Call',
      chatTitle: 'Chat with Aarhus Municipality',
      connecting: 'The chat is starting …',
      failed: 'The chat could not start. Reload the page, or call Aarhus Municipality on 89 40 20 00.',
      footerCall: 'You can always call Aarhus Municipality on',
      footerPrivacy: 'Do not write your CPR number in the chat.',
      switchTo: 'Dansk',
      switchLang: 'da',
      command: 'English',
      open: 'Open now',
      closed: 'Closed now',
      unknown: 'Opening hours unknown',
      call: 'Call',
      otherWays: 'Other ways in',
      newWindow: '(opens in a new window)',
      card: 'Contact card',
    },
  };

  const params = new URLSearchParams(window.location.search);
  let lang = params.get('lang') === 'en' ? 'en' : 'da';
  // ?ws=0 polls instead of streaming, for networks that block WebSockets.
  const webSocket = params.get('ws') !== '0';
  const chat = document.getElementById('chat');
  const switcher = document.getElementById('fd-lang');
  let directLine;
  let store;

  // --- The answer card -------------------------------------------------------------------------

  // webchat.js bundles its own React (16.8) without exposing it. A React element is a plain object
  // tagged with this symbol, so the card is built as elements directly instead of loading a
  // second React from elsewhere.
  const REACT_ELEMENT = Symbol.for('react.element');
  function h(type, props, ...children) {
    const { key = null, ...rest } = props || {};
    const flat = children.flat().filter((c) => c !== null && c !== undefined && c !== false);
    if (flat.length === 1) rest.children = flat[0];
    else if (flat.length > 1) rest.children = flat;
    return { $$typeof: REACT_ELEMENT, type, key, ref: null, props: rest, _owner: null };
  }

  function cardLang(activity) {
    return /^en/i.test(activity.locale || '') ? 'en' : 'da';
  }

  function safeUrl(url) {
    try {
      const parsed = new URL(url);
      return ['https:', 'http:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined;
    } catch {
      return undefined;
    }
  }

  function telHref(tel) {
    return /^\+?\d{3,15}$/.test(tel) ? `tel:${tel}` : undefined;
  }

  /** "Lukket nu – åbner torsdag kl. 9.00" → "åbner torsdag kl. 9.00": the badge already says open/closed. */
  function statusDetail(text) {
    const at = text.indexOf(' – ');
    return at >= 0 ? text.slice(at + 3) : text;
  }

  function factCard(card, activity) {
    const t = TEXT[cardLang(activity)];
    const status = card.status || { open: null, text: '' };
    const badge = status.open === true ? ['open', t.open, '✓'] : status.open === false ? ['closed', t.closed, '✕'] : ['unknown', t.unknown, '?'];
    const id = `fd-card-${String(activity.id || Math.random()).replace(/[^\w-]/g, '_')}`;
    return h(
      'article',
      { className: 'fd-card', 'aria-labelledby': id, lang: cardLang(activity) },
      h('h3', { className: 'fd-card__title', id }, card.title),
      card.subtitle ? h('p', { className: 'fd-card__subtitle' }, card.subtitle) : null,
      h(
        'p',
        { className: 'fd-card__status' },
        h('span', { className: `fd-badge fd-badge--${badge[0]}` }, h('span', { 'aria-hidden': 'true' }, `${badge[2]} `), badge[1]),
        // A real space, so a screen reader does not run "Åbent nu" and "lukker kl. 11.00" together.
        status.text ? ' ' : null,
        status.text ? h('span', { className: 'fd-card__next' }, statusDetail(status.text)) : null,
      ),
      (card.phones || []).length > 0
        ? h(
            'ul',
            { className: 'fd-card__phones' },
            card.phones.map((phone, i) =>
              h(
                'li',
                { key: `p${i}` },
                telHref(phone.tel)
                  ? h('a', { className: 'fd-phone', href: telHref(phone.tel) }, `${t.call} ${phone.display}`)
                  : h('span', { className: 'fd-phone' }, phone.display),
                phone.label ? h('span', { className: 'fd-phone__label' }, phone.label) : null,
              ),
            ),
          )
        : null,
      (card.otherWays || []).length > 0 ? h('h4', { className: 'fd-card__sub' }, t.otherWays) : null,
      (card.otherWays || []).length > 0
        ? h(
            'ul',
            { className: 'fd-card__ways' },
            card.otherWays.map((way, i) => {
              const href = way.url && safeUrl(way.url);
              return h(
                'li',
                { key: `w${i}` },
                href
                  ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, way.label, h('span', { className: 'fd-visually-hidden' }, ` ${t.newWindow}`))
                  : way.label,
              );
            }),
          )
        : null,
      card.sourceLine ? h('p', { className: 'fd-card__source' }, card.sourceLine) : null,
    );
  }

  /** A card from channelData.frontdoorCard in place of the hero card that carries the same facts. */
  const attachmentMiddleware = () => (next) => (args) => {
    const card = args && args.activity && args.activity.channelData && args.activity.channelData.frontdoorCard;
    if (card && args.attachment && args.attachment.contentType === 'application/vnd.microsoft.card.hero') return factCard(card, args.activity);
    return next(args);
  };

  /** What a screen reader hears for the card in Web Chat's transcript summary. */
  const attachmentForScreenReaderMiddleware = () => (next) => (args) => {
    const card = args && args.activity && args.activity.channelData && args.activity.channelData.frontdoorCard;
    if (!card || !args.attachment || args.attachment.contentType !== 'application/vnd.microsoft.card.hero') return next(args);
    const t = TEXT[cardLang(args.activity)];
    const phones = (card.phones || []).map((p) => `${t.call} ${p.display}`).join(', ');
    const summary = [`${t.card}: ${card.title}`, card.status && card.status.text, phones].filter(Boolean).join('. ');
    return () => h('p', null, summary);
  };

  // --- The page --------------------------------------------------------------------------------

  function applyLanguage() {
    const t = TEXT[lang];
    document.documentElement.lang = lang;
    document.title = t.pageTitle;
    for (const el of document.querySelectorAll('[data-text]')) {
      const key = el.getAttribute('data-text');
      if (key && t[key] && el.tagName !== 'TITLE') el.textContent = t[key];
    }
    switcher.textContent = t.switchTo;
    switcher.lang = t.switchLang;
    const url = new URL(window.location.href);
    if (lang === 'en') url.searchParams.set('lang', 'en');
    else url.searchParams.delete('lang');
    window.history.replaceState(null, '', url);
  }

  function styleOptions() {
    return {
      accent: '#00334e',
      primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
      fontSizeSmall: '85%',
      bubbleBackground: '#eef2f5',
      bubbleBorderRadius: 6,
      bubbleFromUserBackground: '#00334e',
      bubbleFromUserTextColor: '#ffffff',
      bubbleFromUserBorderRadius: 6,
      bubbleMaxWidth: 520,
      botAvatarInitials: 'AK',
      hideUploadButton: true,
      sendBoxButtonColor: '#00334e',
      subtle: '#4a4a4a',
      timestampColor: '#4a4a4a',
      suggestedActionLayout: 'stacked',
      suggestedActionTextColor: '#00334e',
      suggestedActionBorderColor: '#00334e',
      suggestedActionBorderWidth: 2,
      suggestedActionHeight: 44,
      transcriptActivityVisualKeyboardIndicatorColor: '#0b0c0c',
      transcriptVisualKeyboardIndicatorColor: '#0b0c0c',
    };
  }

  function render() {
    window.WebChat.renderWebChat(
      {
        directLine,
        store,
        nonce,
        locale: lang === 'en' ? 'en-US' : 'da-DK',
        attachmentMiddleware,
        attachmentForScreenReaderMiddleware,
        styleOptions: styleOptions(),
        sendTypingIndicator: false,
      },
      chat,
    );
  }

  function showFailure() {
    chat.textContent = '';
    const p = document.createElement('p');
    p.className = 'fd-chat__status fd-chat__status--error';
    p.setAttribute('role', 'alert');
    p.textContent = TEXT[lang].failed;
    chat.appendChild(p);
  }

  function sendBox() {
    return chat.querySelector('input[type="text"], textarea');
  }

  async function start() {
    applyLanguage();
    let token;
    try {
      const res = await fetch('/v3/directline/tokens/generate', { method: 'POST', headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`tokens/generate: ${res.status}`);
      token = (await res.json()).token;
    } catch {
      return showFailure();
    }
    directLine = window.WebChat.createDirectLine({ token, domain: new URL('/v3/directline', window.location.href).href, webSocket });
    // A page opened in English also asks the bot for English, once Direct Line is connected.
    let askForEnglish = lang === 'en';
    store = window.WebChat.createStore({}, ({ dispatch }) => (next) => (action) => {
      // Our card shows the unit's facts; beside it only what the card does not say, so nothing is shown twice.
      const incoming = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity;
      const beside = incoming && incoming.channelData && incoming.channelData.frontdoorCard ? incoming.channelData.frontdoorTextBesideCard : undefined;
      if (typeof beside === 'string') {
        action = { ...action, payload: { ...action.payload, activity: { ...incoming, text: beside } } };
      }
      const result = next(action);
      if (askForEnglish && action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
        // Once: a reconnect fulfils again.
        askForEnglish = false;
        dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: TEXT.en.command } });
      }
      return result;
    });
    chat.textContent = '';
    render();
  }

  switcher.addEventListener('click', () => {
    lang = lang === 'da' ? 'en' : 'da';
    applyLanguage();
    if (store) {
      render();
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: TEXT[lang].command } });
    }
  });

  // The skip link lands in the send box, ready to type.
  document.querySelector('.fd-skip').addEventListener('click', (event) => {
    const input = sendBox();
    if (input) {
      event.preventDefault();
      input.focus();
    }
  });

  if (window.WebChat) void start();
  else showFailure();
})();

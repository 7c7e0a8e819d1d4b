// Static search of the guide: no server, no other host, no library.
//
// search/index.js (built by SearchIndex.swift, loaded by a <script> before this one, so it
// works from disk too) sets self.bookmarkSearch: compact entry records and, for every bigram
// and every letter that ends a run, the entries holding it as an encoded posting list. A
// query is folded exactly as SearchText.swift folds the index (NFKC, lower case, katakana to
// hiragana), cut into runs at spaces and punctuation, and an entry matches when it holds
// every bigram of every run (a one-letter run: any bigram starting with it, or the letter at
// the end of a run). So 相談 finds 相談窓口, and ソウダン, ｿｳﾀﾞﾝ and そうだん all meet.
//
// Query and filters live in the address (?q=家族&kind=ibasho&free=1), so a search can be
// shared or bookmarked. Results are built with DOM APIs and textContent only: nothing from
// the data is ever parsed as HTML.
(function () {
  'use strict';

  var form = document.getElementById('search-form');
  if (!form) return;
  var statusLine = document.getElementById('search-status');
  var resultList = document.getElementById('search-results');
  var root = form.getAttribute('data-root') || '';
  var FIELDS = ['q', 'kind', 'area', 'for', 'age', 'free', 'anonymous', 'noreservation', 'women', 'outside'];
  var SEPARATOR = /[\s\p{P}\p{S}\p{C}]/u;
  var MAX_SHOWN = 200;
  var entries = [];
  var grams = {};
  var gramsByFirstLetter = null;
  // Digits of a posting list: the last digit of a number, and the ones before it.
  var LAST_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUV';
  var CONTINUED_DIGITS = 'WXYZabcdefghijklmnopqrstuvwxyz-.';

  function fold(text) {
    var out = '';
    for (var ch of text.normalize('NFKC').toLowerCase()) {
      var code = ch.codePointAt(0);
      if ((code >= 0x30a1 && code <= 0x30f6) || code === 0x30fd || code === 0x30fe) {
        out += String.fromCodePoint(code - 0x60);
      } else {
        out += ch;
      }
    }
    return out;
  }

  function runs(text) {
    var result = [];
    var current = [];
    for (var ch of fold(text)) {
      if (SEPARATOR.test(ch)) {
        if (current.length) result.push(current);
        current = [];
      } else {
        current.push(ch);
      }
    }
    if (current.length) result.push(current);
    return result;
  }

  // Entry numbers of a posting list, ascending (format: SearchIndex.swift).
  function decode(text) {
    var numbers = [];
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      var last = LAST_DIGITS.indexOf(ch);
      if (last < 0) {
        value = value * 32 + CONTINUED_DIGITS.indexOf(ch);
      } else {
        numbers.push(value * 32 + last);
        value = 0;
      }
    }
    var positions = [];
    var previous = -1;
    for (var j = 0; j < numbers.length; j++) {
      if (numbers[j] === 0) {
        var count = numbers[++j];
        for (var k = 0; k < count; k++) positions.push(++previous);
      } else {
        previous += numbers[j];
        positions.push(previous);
      }
    }
    return positions;
  }

  function postings(key) {
    return Object.prototype.hasOwnProperty.call(grams, key) ? decode(grams[key]) : [];
  }

  // Entries holding a letter: the bigrams starting with it, and the letter ending a run.
  function letterPostings(letter) {
    if (gramsByFirstLetter === null) {
      gramsByFirstLetter = new Map();
      Object.keys(grams).forEach(function (key) {
        var first = String.fromCodePoint(key.codePointAt(0));
        if (!gramsByFirstLetter.has(first)) gramsByFirstLetter.set(first, []);
        gramsByFirstLetter.get(first).push(key);
      });
    }
    var found = new Set();
    (gramsByFirstLetter.get(letter) || []).forEach(function (key) {
      postings(key).forEach(function (position) { found.add(position); });
    });
    return Array.from(found).sort(function (a, b) { return a - b; });
  }

  function intersect(a, b) {
    var out = [];
    var i = 0;
    var j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  // Positions of the entries holding every gram of a run, ascending.
  function matchRun(run) {
    if (run.length === 1) return letterPostings(run[0]);
    var found = null;
    for (var i = 0; i + 1 < run.length; i++) {
      var list = postings(run[i] + run[i + 1]);
      found = found === null ? list : intersect(found, list);
      if (found.length === 0) break;
    }
    return found;
  }

  // The index's compact records as the objects the filters and cards use.
  function unpack(data) {
    var kinds = data.kinds || [];
    var areas = data.areas || [];
    var audiences = data.audiences || [];
    var badges = data.badges || [];
    return (data.entries || []).map(function (record) {
      var kind = kinds[record[2]] || ['', ''];
      var area = areas[record[3]] || ['', ''];
      var flags = record[5];
      return {
        id: record[0], name: record[1], href: 'entries/' + record[0] + '/index.html',
        kind: kind[0], kindLabel: kind[1], area: area[0], areaName: area[1],
        for: audiences.filter(function (_, bit) { return record[4] & (1 << bit); }),
        free: !!(flags & 1), anonymous: !!(flags & 2), noReservation: !!(flags & 4),
        women: !!(flags & 8), outside: !!(flags & 16),
        badges: badges.filter(function (_, bit) { return record[6] & (1 << bit); }),
        ageMin: record[7], ageMax: record[8],
        phones: (record[9] || []).map(function (phone) { return { display: phone[0], tel: phone[1] }; }),
        notice: record[10],
        foldedName: null
      };
    });
  }

  function readForm() {
    var state = {};
    state.q = form.elements.q.value.trim();
    ['kind', 'area', 'for', 'age'].forEach(function (name) {
      state[name] = form.elements[name].value.trim();
    });
    ['free', 'anonymous', 'noreservation', 'women', 'outside'].forEach(function (name) {
      state[name] = form.elements[name].checked;
    });
    return state;
  }

  function writeForm(params) {
    form.elements.q.value = params.get('q') || '';
    ['kind', 'area', 'for', 'age'].forEach(function (name) {
      var value = params.get(name) || '';
      var element = form.elements[name];
      if (element.tagName === 'SELECT') {
        var known = Array.prototype.some.call(element.options, function (option) { return option.value === value; });
        element.value = known ? value : '';
      } else {
        element.value = /^\d{1,3}$/.test(value) ? value : '';
      }
    });
    ['free', 'anonymous', 'noreservation', 'women', 'outside'].forEach(function (name) {
      form.elements[name].checked = params.get(name) === '1';
    });
  }

  function keepInAddress(state) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) {
      var value = state[name];
      if (value === true) params.set(name, '1');
      else if (typeof value === 'string' && value !== '') params.set(name, value);
    });
    var query = params.toString();
    try {
      history.replaceState(null, '', query ? '?' + query : location.pathname);
    } catch (error) {
      // Some browsers refuse to change the address of a page opened from disk; the search
      // still works, only the address is not updated.
    }
  }

  function passesFilters(entry, state) {
    if (state.kind && entry.kind !== state.kind) return false;
    if (state.area && entry.area !== state.area) return false;
    if (state.for && entry.for.indexOf(state.for) < 0 && entry.for.indexOf('anyone') < 0) return false;
    if (state.free && !entry.free) return false;
    if (state.anonymous && !entry.anonymous) return false;
    if (state.noreservation && !entry.noReservation) return false;
    if (state.women && !entry.women) return false;
    if (state.outside && !entry.outside) return false;
    if (/^\d{1,3}$/.test(state.age)) {
      var age = Number(state.age);
      if (typeof entry.ageMin === 'number' && age < entry.ageMin) return false;
      if (typeof entry.ageMax === 'number' && age > entry.ageMax) return false;
    }
    return true;
  }

  function search(state) {
    var candidates = null;
    for (var run of runs(state.q)) {
      var found = matchRun(run);
      candidates = candidates === null ? found : intersect(candidates, found);
    }
    var matches = [];
    if (candidates === null) {
      entries.forEach(function (entry) { if (passesFilters(entry, state)) matches.push(entry); });
    } else {
      candidates.forEach(function (position) {
        if (passesFilters(entries[position], state)) matches.push(entries[position]);
      });
    }
    // Names that hold the words come first; otherwise the index order (五十音順) stays.
    var words = runs(state.q).map(function (run) { return run.join(''); });
    if (words.length) {
      var inName = function (entry) {
        if (entry.foldedName === null) entry.foldedName = fold(entry.name);
        var name = entry.foldedName;
        return words.every(function (word) { return name.indexOf(word) >= 0; }) ? 0 : 1;
      };
      matches = matches
        .map(function (entry, order) { return { entry: entry, rank: inName(entry), order: order }; })
        .sort(function (a, b) { return a.rank - b.rank || a.order - b.order; })
        .map(function (item) { return item.entry; });
    }
    return matches;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function card(entry) {
    var item = element('li', 'card');
    var link = element('a', 'card-name', entry.name);
    link.href = root + entry.href;
    item.appendChild(link);

    var meta = element('p', 'card-meta');
    meta.appendChild(element('span', 'kind kind-' + entry.kind, entry.kindLabel));
    meta.appendChild(document.createTextNode(' ' + entry.areaName));
    item.appendChild(meta);

    if (entry.notice) {
      var notice = element('p', 'card-notice');
      notice.appendChild(element('strong', null, 'お知らせ'));
      notice.appendChild(document.createTextNode(' ' + entry.notice));
      item.appendChild(notice);
    }
    if (entry.badges && entry.badges.length) {
      var badges = element('ul', 'badges');
      badges.setAttribute('aria-label', '利用しやすさ');
      entry.badges.forEach(function (badge) { badges.appendChild(element('li', null, badge)); });
      item.appendChild(badges);
    }
    if (entry.phones && entry.phones.length) {
      var phones = element('p', 'card-phones');
      entry.phones.forEach(function (phone) {
        // Only tel: links come from the index; anything else is left as text.
        if (/^tel:[0-9%#*+]+$/.test(phone.tel)) {
          var tel = element('a', 'tel', '電話 ' + phone.display);
          tel.href = phone.tel;
          phones.appendChild(tel);
        } else {
          phones.appendChild(element('span', null, '電話 ' + phone.display));
        }
        phones.appendChild(document.createTextNode(' '));
      });
      item.appendChild(phones);
    }
    return item;
  }

  function isEmpty(state) {
    return FIELDS.every(function (name) { return state[name] === '' || state[name] === false; });
  }

  function update() {
    var state = readForm();
    keepInAddress(state);
    var matches = search(state);
    var fragment = document.createDocumentFragment();
    matches.slice(0, MAX_SHOWN).forEach(function (entry) { fragment.appendChild(card(entry)); });
    resultList.replaceChildren(fragment);
    if (matches.length === 0) {
      statusLine.textContent = '見つかりませんでした。ことばを短くしたり、条件を減らしたりしてみてください。';
    } else if (isEmpty(state)) {
      statusLine.textContent = 'すべての情報（' + matches.length + '件）を五十音順に表示しています。';
    } else if (matches.length > MAX_SHOWN) {
      statusLine.textContent = matches.length + '件見つかりました。はじめの' + MAX_SHOWN + '件を表示しています。';
    } else {
      statusLine.textContent = matches.length + '件見つかりました。';
    }
  }

  function start(data) {
    entries = unpack(data);
    grams = data.grams || {};
    writeForm(new URLSearchParams(location.search));
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      update();
    });
    form.addEventListener('reset', function () { setTimeout(update, 0); });
    update();
  }

  var data = self.bookmarkSearch;
  if (data && data.version === 2) {
    start(data);
  } else {
    statusLine.textContent = '検索用のデータを読み込めませんでした。下の「一覧からさがす」から、種類・地域・対象ごとの一覧をご覧ください。';
  }
})();

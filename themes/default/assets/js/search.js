// Static search of the guide: no server, no other host, no library.
//
// The data is sharded (SearchIndex.swift): search/index.js, loaded by a <script> before this
// one, sets self.bookmarkSearch with a few tables and the first key of each chunk; a query
// loads, with more <script> tags (so it works from disk too, where fetch is refused), the one
// chunk of each key it needs and the record files of the results it shows. Chunks and record
// files call bookmarkSearch.take(kind, number, data).
//
// A query is folded exactly as SearchText.swift folds the index (NFKC, lower case, katakana
// to hiragana), cut into runs at spaces and punctuation, and each run into words
// (Intl.Segmenter where the browser has it, changes of script otherwise; kana stay one word,
// one-letter words join their neighbour). An entry matches when it holds the bigrams covering
// every word: 電話相談 finds entries holding 電話 and 相談, wherever they are. Entries whose name
// holds the words come first, then those holding the runs as typed, then the rest, each in 五十音順.
// One-letter queries match nothing.
//
// Query and filters live in the address (?q=家族&kind=ibasho&free=1), so a search can be
// shared or bookmarked. A guide of more areas than a page lists chooses a prefecture first
// (?pref=東京都&area=…): its areas are loaded from search/areas/<n>.js when it is chosen. Results are built with DOM APIs and textContent only: nothing from
// the data is ever parsed as HTML.
(function () {
  'use strict';

  var form = document.getElementById('search-form');
  if (!form) return;
  var statusLine = document.getElementById('search-status');
  var resultList = document.getElementById('search-results');
  var moreButton = document.getElementById('search-more');
  var root = form.getAttribute('data-root') || '';
  var chunkHref = form.getAttribute('data-chunk') || '';
  var recordsHref = form.getAttribute('data-records') || '';
  var areasHref = form.getAttribute('data-areas') || '';
  var FIELDS = ['q', 'kind', 'pref', 'area', 'for', 'age', 'free', 'anonymous', 'noreservation', 'women', 'outside'];
  var FLAGS = { free: '#f0', anonymous: '#f1', noreservation: '#f2', women: '#f3', outside: '#f4' };
  var SEPARATOR = /[\s\p{P}\p{S}\p{C}]/u;
  var KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;
  var SHOWN_AT_ONCE = 10;
  var TYPING_PAUSE = 150;  // ms
  var LAST_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUV';
  var CONTINUED_DIGITS = 'WXYZabcdefghijklmnopqrstuvwxyz-.';
  var BITMAP_DIGITS = LAST_DIGITS + CONTINUED_DIGITS;
  var segmenter = null;
  try {
    if (typeof Intl === 'object' && Intl.Segmenter) segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
  } catch (error) {
    segmenter = null;
  }

  var data = self.bookmarkSearch;
  var loaded = { chunk: {}, records: {}, areas: {} };
  var waiting = { chunk: {}, records: {}, areas: {} };
  var loading = {};
  var latest = 0;
  var matches = [];
  var shown = 0;

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

  // The runs of a query, as typed (NFKC) but cut at separators.
  function runs(text) {
    var result = [];
    var current = '';
    for (var ch of text.normalize('NFKC')) {
      if (SEPARATOR.test(ch)) {
        if (current) result.push(current);
        current = '';
      } else {
        current += ch;
      }
    }
    if (current) result.push(current);
    return result;
  }

  function scriptOf(ch) {
    if (/\p{Script=Han}/u.test(ch)) return 'han';
    if (KANA.test(ch)) return 'kana';
    return 'other';
  }

  // The words of a run: by Intl.Segmenter, or by changes of script; kana stay together and a
  // one-letter word joins its neighbour (no key is one letter).
  function words(run) {
    var pieces = [];
    if (segmenter) {
      for (var segment of segmenter.segment(run)) {
        if (segment.isWordLike !== false) pieces.push(segment.segment);
      }
    } else {
      var current = '';
      var script = null;
      for (var ch of run) {
        var next = scriptOf(ch);
        if (current && next !== script) { pieces.push(current); current = ''; }
        current += ch;
        script = next;
      }
      if (current) pieces.push(current);
      // Without a dictionary, a four-kanji compound is most often two words (電話相談).
      pieces = pieces.flatMap(function (piece) {
        var letters = Array.from(piece);
        return letters.length === 4 && scriptOf(letters[0]) === 'han' && letters.every(function (l) { return scriptOf(l) === 'han'; })
          ? [letters.slice(0, 2).join(''), letters.slice(2).join('')] : [piece];
      });
    }
    var merged = [];
    pieces.forEach(function (piece) {
      var last = merged.length ? merged[merged.length - 1] : null;
      if (last !== null && ((KANA.test(last) && KANA.test(piece)) || Array.from(piece).length === 1 || Array.from(last).length === 1)) {
        merged[merged.length - 1] = last + piece;
      } else {
        merged.push(piece);
      }
    });
    return merged.map(fold).filter(function (word) { return Array.from(word).length >= 2; });
  }

  function bigrams(word) {
    var letters = Array.from(word);
    var out = [];
    for (var i = 0; i + 1 < letters.length; i++) out.push(letters[i] + letters[i + 1]);
    return out;
  }

  // Bigrams that cover every letter of a word (at 0, 2, 4, …, and the last): an entry holding
  // them nearly always holds the word, for half the keys to load (そうだん: そう, だん).
  function cover(word) {
    var all = bigrams(word);
    // Latin letters and digits keep every bigram: they are rare, and "line" is in "online".
    if (/^[\x00-\x7f]+$/.test(word)) return all;
    var out = all.filter(function (_, i) { return i % 2 === 0; });
    if (all.length % 2 === 0 && all.length) out.push(all[all.length - 1]);
    return out;
  }

  // Entry numbers of a posting list, ascending (format: SearchIndex.swift).
  function decode(text) {
    var positions = [];
    if (text[0] === '~') {
      for (var d = 1; d < text.length; d++) {
        var bits = BITMAP_DIGITS.indexOf(text[d]);
        for (var b = 0; b < 6; b++) if (bits & (1 << b)) positions.push((d - 1) * 6 + b);
      }
      return positions;
    }
    var value = 0;
    var previous = -1;
    var runNext = false;
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      var last = LAST_DIGITS.indexOf(ch);
      if (last < 0) {
        value = value * 32 + CONTINUED_DIGITS.indexOf(ch);
        continue;
      }
      var number = value * 32 + last;
      value = 0;
      if (runNext) {
        for (var k = 0; k < number; k++) positions.push(++previous);
        runNext = false;
      } else if (number === 0) {
        runNext = true;
      } else {
        previous += number;
        positions.push(previous);
      }
    }
    return positions;
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

  function union(a, b) {
    var out = [];
    var i = 0;
    var j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
      else if (i >= a.length || b[j] < a[i]) out.push(b[j++]);
      else { out.push(a[i]); i++; j++; }
    }
    return out;
  }

  // Loads a chunk or record file once, by a <script> tag.
  function load(kind, number) {
    if (Object.prototype.hasOwnProperty.call(loaded[kind], number)) return Promise.resolve(loaded[kind][number]);
    var name = kind + number;
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        waiting[kind][number] = resolve;
        var script = document.createElement('script');
        var href = kind === 'chunk' ? chunkHref : kind === 'records' ? recordsHref : areasHref;
        script.src = href.replace(/0\.js$/, number + '.js');
        script.onerror = function () {
          delete loading[name];
          reject(new Error('load'));
        };
        document.head.appendChild(script);
      });
    }
    return loading[name];
  }

  function take(kind, number, value) {
    loaded[kind][number] = value;
    var resolve = waiting[kind][number];
    if (resolve) {
      delete waiting[kind][number];
      resolve(value);
    }
  }

  // The chunk a key is in: the last whose first key is not after it.
  function chunkOf(key) {
    var chunks = data.chunks;
    var low = 0;
    var high = chunks.length - 1;
    if (high < 0 || key < chunks[0]) return -1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (chunks[middle] <= key) low = middle; else high = middle - 1;
    }
    return low;
  }

  // The entries of every key (a list each), loading the chunks they are in.
  function postings(keys) {
    var numbers = Array.from(new Set(keys.map(chunkOf).filter(function (n) { return n >= 0; })));
    return Promise.all(numbers.map(function (n) { return load('chunk', n); })).then(function () {
      return keys.map(function (key) {
        var chunk = loaded.chunk[chunkOf(key)];
        return chunk && Object.prototype.hasOwnProperty.call(chunk, key) ? decode(chunk[key]) : [];
      });
    });
  }

  function all(lists) {
    return lists.reduce(function (found, list) { return found === null ? list : intersect(found, list); }, null);
  }

  function readForm() {
    var state = {};
    state.q = form.elements.q.value.trim();
    ['kind', 'pref', 'area', 'for', 'age'].forEach(function (name) {
      state[name] = form.elements[name] ? form.elements[name].value.trim() : '';
    });
    Object.keys(FLAGS).forEach(function (name) {
      state[name] = form.elements[name].checked;
    });
    return state;
  }

  // The area choices of a prefecture (a guide that chooses a prefecture first): すべて and 全国,
  // then its areas, loaded once.
  function fillAreas(prefecture) {
    var select = form.elements.area;
    var number = data.prefectures ? data.prefectures.indexOf(prefecture) : -1;
    var fill = function (areas) {
      while (select.options.length > 2) select.remove(2);
      (areas || []).forEach(function (area) {
        var option = document.createElement('option');
        option.value = area[0];
        option.textContent = area[1];
        select.appendChild(option);
      });
    };
    if (!data.prefectures) return Promise.resolve();
    if (number < 0) { fill([]); return Promise.resolve(); }
    return load('areas', number).then(fill);
  }

  function writeForm(params) {
    form.elements.q.value = params.get('q') || '';
    ['kind', 'pref', 'area', 'for', 'age'].forEach(function (name) {
      var value = params.get(name) || '';
      var element = form.elements[name];
      if (!element) return;
      if (element.tagName === 'SELECT') {
        var known = Array.prototype.some.call(element.options, function (option) { return option.value === value; });
        element.value = known ? value : '';
      } else {
        element.value = /^\d{1,3}$/.test(value) ? value : '';
      }
    });
    Object.keys(FLAGS).forEach(function (name) {
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

  // The query as keys: the bigrams covering each word (every one must be held), the bigrams
  // where two words of a run meet (the run as typed), the name keys; and the filters' keys.
  function plan(state) {
    var typed = runs(state.q);
    var wordKeys = [];
    var joinKeys = [];
    var tooShort = false;
    typed.forEach(function (run) {
      var found = words(run);
      if (!found.length) { tooShort = true; return; }
      found.forEach(function (word, i) {
        wordKeys = wordKeys.concat(cover(word));
        if (i > 0) joinKeys.push(Array.from(found[i - 1]).pop() + Array.from(word)[0]);
      });
    });
    var filters = [];
    if (state.kind) {
      var kindNumber = data.kinds.findIndex(function (kind) { return kind[0] === state.kind; });
      filters.push(['#k' + kindNumber]);
    }
    if (state.area) filters.push(['#a' + (state.area === 'nationwide' ? '*' : state.area)]);
    else if (state.pref && data.prefectures && data.prefectures.indexOf(state.pref) >= 0) {
      filters.push(['#r' + data.prefectures.indexOf(state.pref)]);
    }
    if (state.for) filters.push(['#p' + state.for]);
    Object.keys(FLAGS).forEach(function (name) { if (state[name]) filters.push([FLAGS[name]]); });
    if (/^\d{1,3}$/.test(state.age)) filters.push(['#y' + Math.min(Number(state.age), 120), '#y*']);
    wordKeys = Array.from(new Set(wordKeys));
    return {
      words: wordKeys, joins: Array.from(new Set(joinKeys)), filters: filters,
      names: wordKeys.map(function (key) { return '!' + key; }),
      folded: typed.map(fold), tooShort: tooShort && wordKeys.length === 0
    };
  }

  function lookup(keys) {
    return postings(keys).then(function (lists) {
      var byKey = {};
      keys.forEach(function (key, index) { byKey[key] = lists[index]; });
      return function (key) { return byKey[key] || []; };
    });
  }

  // The matching entry numbers, best first: names holding the words, then entries holding the
  // runs as typed, then the rest, each in 五十音順. The name and join keys are loaded only when
  // there are more results than one screen shows; a screenful is ranked by the names in its
  // records, which it loads anyway.
  function search(state) {
    var query = plan(state);
    if (query.tooShort) return Promise.resolve({ tooShort: true, found: [] });
    var filterKeys = [].concat.apply([], query.filters);
    return lookup(query.words.concat(filterKeys)).then(function (get) {
      var found = query.words.length ? all(query.words.map(get)) : null;
      query.filters.forEach(function (alternatives) {
        var list = alternatives.map(get).reduce(union);
        found = found === null ? list : intersect(found, list);
      });
      if (found === null) {
        found = [];
        for (var i = 0; i < data.count; i++) found.push(i);
      }
      if (!query.words.length || found.length === 0) return { found: found };
      if (found.length <= SHOWN_AT_ONCE) return { found: found, rankByRecords: query.folded };
      return lookup(query.names.concat(query.joins)).then(function (more) {
        var inName = new Set(all(query.names.map(more)));
        var asTyped = query.joins.length ? new Set(all(query.joins.map(more))) : null;
        // Three buckets, each already in 五十音順 (found is ascending): no sort of 50,000 pairs.
        var buckets = [[], [], []];
        found.forEach(function (n) {
          buckets[inName.has(n) ? 0 : asTyped === null || asTyped.has(n) ? 1 : 2].push(n);
        });
        return { found: buckets[0].concat(buckets[1], buckets[2]) };
      });
    });
  }

  function record(number) {
    var file = loaded.records[Math.floor(number / data.recordsPerFile)];
    return file ? file[number % data.recordsPerFile] : null;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // [id, name, kind, area name, badges, phones, notice] (SearchIndex.swift).
  function card(entry) {
    var kind = data.kinds[entry[2]] || ['', ''];
    var item = element('li', 'card');
    var link = element('a', 'card-name', entry[1]);
    link.href = root + 'entries/' + encodeURIComponent(entry[0]) + '/index.html';
    item.appendChild(link);

    var meta = element('p', 'card-meta');
    meta.appendChild(element('span', 'kind kind-' + kind[0], kind[1]));
    meta.appendChild(document.createTextNode(' ' + entry[3]));
    item.appendChild(meta);

    if (entry[6]) {
      var notice = element('p', 'card-notice');
      notice.appendChild(element('strong', null, 'お知らせ'));
      notice.appendChild(document.createTextNode(' ' + entry[6]));
      item.appendChild(notice);
    }
    var badges = (data.badges || []).filter(function (_, bit) { return entry[4] & (1 << bit); });
    if (badges.length) {
      var list = element('ul', 'badges');
      list.setAttribute('aria-label', '利用しやすさ');
      badges.forEach(function (badge) { list.appendChild(element('li', null, badge)); });
      item.appendChild(list);
    }
    if (entry[5] && entry[5].length) {
      var phones = element('p', 'card-phones');
      entry[5].forEach(function (phone) {
        // Only tel: links come from the index; anything else is left as text.
        if (/^tel:[0-9%#*+]+$/.test(phone[1])) {
          var tel = element('a', 'tel', '電話 ' + phone[0]);
          tel.href = phone[1];
          phones.appendChild(tel);
        } else {
          phones.appendChild(element('span', null, '電話 ' + phone[0]));
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

  function loadRecords(numbers) {
    var files = Array.from(new Set(numbers.map(function (n) { return Math.floor(n / data.recordsPerFile); })));
    return Promise.all(files.map(function (n) { return load('records', n); }));
  }

  // Shows the next results, loading their record files first.
  function showMore(ticket) {
    var next = matches.slice(shown, shown + SHOWN_AT_ONCE);
    return loadRecords(next).then(function () {
      if (ticket !== latest) return;
      var fragment = document.createDocumentFragment();
      next.forEach(function (n) {
        var entry = record(n);
        if (entry) fragment.appendChild(card(entry));
      });
      resultList.appendChild(fragment);
      shown += next.length;
      moreButton.hidden = shown >= matches.length;
    });
  }

  function failed() {
    statusLine.textContent = '検索用のデータを読み込めませんでした。下の「一覧からさがす」から、種類・地域・対象ごとの一覧をご覧ください。';
  }

  function update() {
    var state = readForm();
    keepInAddress(state);
    var ticket = ++latest;
    search(state).then(function (result) {
      if (ticket !== latest) return;
      matches = result.found;
      shown = 0;
      resultList.replaceChildren();
      moreButton.hidden = true;
      if (result.tooShort) {
        statusLine.textContent = 'ことばは2文字以上で入れてください。';
        return;
      }
      if (matches.length === 0) {
        statusLine.textContent = '見つかりませんでした。ことばを短くしたり、条件を減らしたりしてみてください。';
        return;
      }
      var ready = result.rankByRecords ? loadRecords(matches).then(function () {
        // A screenful: names holding every typed run first, then the rest, in 五十音順.
        var score = function (n) {
          var name = fold(record(n) ? record(n)[1] : '');
          return result.rankByRecords.every(function (run) { return name.indexOf(run) >= 0; }) ? 0 : 1;
        };
        matches = matches.map(function (n) { return [score(n), n]; })
          .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; }).map(function (pair) { return pair[1]; });
      }) : Promise.resolve();
      return ready.then(function () { return showMore(ticket); }).then(function () {
        if (ticket !== latest) return;
        if (isEmpty(state)) {
          statusLine.textContent = 'すべての情報（' + matches.length + '件）を五十音順に表示しています。';
        } else if (matches.length > shown) {
          statusLine.textContent = matches.length + '件見つかりました。はじめの' + shown + '件を表示しています。';
        } else {
          statusLine.textContent = matches.length + '件見つかりました。';
        }
      });
    }).catch(failed);
  }

  function start() {
    data.take = take;
    var params = new URLSearchParams(location.search);
    writeForm(params);
    // Words are looked up once typing pauses (or an IME commits them), not at every letter:
    // each prefix would fetch chunks and record files of its own.
    var typing = null;
    form.addEventListener('input', function (event) {
      if (event.target.name === 'pref' || event.isComposing) return;
      clearTimeout(typing);
      if (event.target.name === 'q') typing = setTimeout(update, TYPING_PAUSE);
      else update();
    });
    form.addEventListener('change', function (event) {
      if (event.target.name !== 'pref') { update(); return; }
      form.elements.area.value = '';
      fillAreas(form.elements.pref.value).then(update, failed);
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearTimeout(typing);
      update();
    });
    form.addEventListener('reset', function () {
      setTimeout(function () { fillAreas(form.elements.pref ? form.elements.pref.value : '').then(update, failed); }, 0);
    });
    moreButton.addEventListener('click', function () {
      var ticket = latest;
      showMore(ticket).then(function () {
        if (ticket === latest) statusLine.textContent = matches.length + '件見つかりました。はじめの' + shown + '件を表示しています。';
      }).catch(failed);
    });
    if (form.elements.pref && form.elements.pref.value) {
      // A shared address: the prefecture's areas first, then the area it names.
      fillAreas(form.elements.pref.value).then(function () { writeForm(params); update(); }, failed);
    } else {
      update();
    }
  }

  if (data && data.version === 3) {
    start();
  } else {
    failed();
  }
})();

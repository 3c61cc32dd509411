/* The phone page of Е-тренер's classroom voting. ES5 only (old Android browsers): no arrow functions,
   no let/const, no fetch; Server-Sent Events when the browser has EventSource, polling otherwise. */
(function () {
  "use strict";
  var POLL_MS = 2000;
  var ERRORS = {
    wrong_room: "Невірний код кімнати. Подивіться на екран тренера.",
    bad_name: "Напишіть імʼя або назву команди (до 24 знаків).",
    name_taken: "Таке імʼя вже є в кімнаті. Додайте літеру або цифру.",
    room_full: "Кімната заповнена.",
    unknown_participant: "Вас немає в кімнаті. Приєднайтеся ще раз.",
    not_open: "Голосування за це питання вже закрите.",
    wrong_question: "Тренер уже відкрив інше питання.",
    already_answered: "Ви вже відповіли на це питання.",
    bad_answer: "Оберіть відповідь.",
    too_many_requests: "Забагато запитів. Зачекайте кілька секунд.",
    request_entity_too_large: "Задовгий текст.",
    network: "Немає звʼязку з компʼютером тренера. Перевірте Wi-Fi."
  };
  var KIND_HINT = {
    single_choice: "Оберіть одну відповідь і натисніть «Надіслати».",
    true_false: "Оберіть одну відповідь і натисніть «Надіслати».",
    multiple_choice: "Оберіть усі правильні відповіді і натисніть «Надіслати».",
    ordering: "Торкайтеся варіантів у правильному порядку, потім «Надіслати»."
  };
  var me = { room: "", token: "", name: "" };
  var state = null;
  var chosen = [];
  var chosenFor = 0;
  var deadline = 0;
  var source = null;
  var pollTimer = null;
  var failures = 0;

  function $(id) { return document.getElementById(id); }
  function show(el, visible) { if (visible) { el.removeAttribute("hidden"); } else { el.setAttribute("hidden", ""); } }
  function text(el, value) { el.textContent = value; }
  function indexOf(list, item) { for (var i = 0; i < list.length; i++) { if (list[i] === item) { return i; } } return -1; }

  function remember() {
    try { window.sessionStorage.setItem("etrainer-vote", JSON.stringify(me)); } catch (e) { /* private mode */ }
  }
  function recall() {
    try { var saved = JSON.parse(window.sessionStorage.getItem("etrainer-vote") || "null"); if (saved && saved.token) { me = saved; } } catch (e) { /* ignore */ }
  }
  function forget() {
    try { window.sessionStorage.removeItem("etrainer-vote"); } catch (e) { /* ignore */ }
  }

  function request(method, path, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, path, true);
    xhr.timeout = 10000;
    if (body) { xhr.setRequestHeader("Content-Type", "application/json"); }
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      done(xhr.status, data || {});
    };
    xhr.send(body ? JSON.stringify(body) : null);
  }
  function errorText(status, data) {
    if (!status) { return ERRORS.network; }
    return ERRORS[data.error] || ("Помилка " + status + ".");
  }
  function query() {
    return "room=" + encodeURIComponent(me.room) + "&token=" + encodeURIComponent(me.token);
  }

  /* -- joining ------------------------------------------------------------------------------------ */
  function join() {
    var room = $("room").value.replace(/\D/g, "");
    var name = $("name").value;
    text($("joinError"), "");
    if (room.length !== 4) { text($("joinError"), "Код кімнати — чотири цифри."); return; }
    if (!name.replace(/\s/g, "")) { text($("joinError"), ERRORS.bad_name); return; }
    $("joinButton").disabled = true;
    request("POST", "/api/join", { room: room, name: name }, function (status, data) {
      $("joinButton").disabled = false;
      if (status !== 200) { text($("joinError"), errorText(status, data)); return; }
      me = { room: room, token: data.token, name: data.name };
      remember();
      enter();
    });
  }
  function enter() {
    show($("join"), false);
    show($("play"), true);
    text($("roomLabel"), "· Кімната " + me.room);
    render({ phase: "lobby", name: me.name });
    listen();
  }
  function leave(message) {
    stopListening();
    forget();
    me = { room: me.room, token: "", name: "" };
    show($("play"), false);
    show($("join"), true);
    text($("joinError"), message || "");
  }

  /* -- updates ------------------------------------------------------------------------------------ */
  function stopListening() {
    if (source) { source.close(); source = null; }
    if (pollTimer) { window.clearTimeout(pollTimer); pollTimer = null; }
  }
  function listen() {
    stopListening();
    if (window.EventSource && failures < 3) {
      source = new window.EventSource("/api/events?" + query());
      source.addEventListener("state", function (event) {
        failures = 0;
        try { update(JSON.parse(event.data)); } catch (e) { /* ignore a broken event */ }
      });
      source.onerror = function () {
        failures += 1;
        if (failures >= 3) { poll(); }  /* a proxy or an old browser that cannot keep a stream: poll */
      };
    } else {
      poll();
    }
  }
  function poll() {
    if (source) { source.close(); source = null; }
    request("GET", "/api/state?" + query(), null, function (status, data) {
      if (status === 401 || data.phase === "removed") { update({ phase: "removed" }); return; }
      if (status === 200) { update(data); }
      pollTimer = window.setTimeout(poll, POLL_MS);
    });
  }
  function update(next) {
    if (next.phase === "removed") { leave("Тренер прибрав це імʼя з кімнати. Можна приєднатися з іншим."); return; }
    var number = next.question ? next.question.number : 0;
    if (number !== chosenFor) { chosen = []; chosenFor = number; }
    if (next.phase === "open") { deadline = new Date().getTime() + next.remaining * 1000; }
    render(next);
  }

  /* -- drawing ------------------------------------------------------------------------------------ */
  function tile(option, question, answered) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "tile";
    var letter = document.createElement("span");
    letter.className = "letter";
    var position = indexOf(answered || chosen, option.letter);
    text(letter, question.kind === "ordering" && position >= 0 ? (position + 1) + "" : option.letter);
    var label = document.createElement("span");
    label.className = "text";
    text(label, (question.kind === "ordering" ? option.letter + ". " : "") + option.text);
    button.appendChild(letter);
    button.appendChild(label);
    button.setAttribute("data-letter", option.letter);
    return button;
  }
  function choose(letter, kind) {
    var at = indexOf(chosen, letter);
    if (kind === "multiple_choice") {
      if (at >= 0) { chosen.splice(at, 1); } else { chosen.push(letter); }
    } else if (kind === "ordering") {
      if (at < 0) { chosen.push(letter); }
    } else {
      chosen = [letter];
    }
    render(state);
  }
  function render(next) {
    state = next;
    var phase = next.phase;
    var question = next.question;
    var options = $("options");
    var message = $("message");
    while (options.firstChild) { options.removeChild(options.firstChild); }
    message.className = "";
    text(message, "");
    text($("instruction"), "");
    show($("sendButton"), false);
    show($("resetButton"), false);
    text($("progress"), question ? "Питання " + question.number + " з " + question.total : "");
    text($("question"), question ? question.text : "");
    if (!question || phase === "lobby" || phase === "finished") {
      text($("clock"), "");
      if (phase === "finished") {
        message.className = "big";
        text($("question"), "Вікторину завершено");
        text(message, next.place ? "Ваше місце: " + next.place + " з " + next.of + ". Балів: " + next.points : "Дякуємо!");
      } else {
        text($("question"), "Ви в кімнаті як «" + (next.name || me.name) + "»");
        text(message, "Чекайте на питання від тренера.");
      }
      return;
    }
    var answered = next.answer;
    var open = phase === "open" && !answered && !next.paused;
    for (var i = 0; i < question.options.length; i++) {
      var option = question.options[i];
      var button = tile(option, question, answered);
      var mine = indexOf(answered || chosen, option.letter) >= 0;
      if (phase === "revealed" && next.right && question.kind !== "ordering") {
        if (indexOf(next.right, option.letter) >= 0) { button.className += " right"; text(button.firstChild, option.letter + " ✓"); }
        else if (mine) { button.className += " wrong"; }
      } else if (mine) {
        button.className += " chosen";
      }
      button.disabled = !open;
      if (open) {
        button.onclick = (function (letter) { return function () { choose(letter, question.kind); }; })(option.letter);
      }
      options.appendChild(button);
    }
    if (open) {
      text($("instruction"), KIND_HINT[question.kind] || "");
      show($("sendButton"), true);
      var complete = question.kind === "ordering" ? chosen.length === question.options.length : chosen.length > 0;
      $("sendButton").disabled = !complete;
      show($("resetButton"), question.kind === "ordering" && chosen.length > 0);
    } else if (phase === "revealed") {
      var right = next.right ? next.right.join(question.kind === "ordering" ? " → " : ", ") : "";
      message.className = next.correct ? "ok" : "bad";
      text(message, (next.correct ? "✓ Правильно! " : (answered ? "✗ Неправильно. " : "Ви не відповіли. ")) +
        "Правильна відповідь: " + right + ". Балів: " + next.points + " (місце " + next.place + " з " + next.of + ")");
    } else if (answered) {
      message.className = "ok";
      text(message, "Відповідь прийнято ✓" + (question.kind === "ordering" ? " (" + answered.join(" → ") + ")" : ""));
    } else if (next.paused) {
      text(message, "Пауза. Зачекайте.");
    } else {
      message.className = "bad";
      text(message, "Час вийшов.");
    }
    tick();
  }
  function send() {
    if (!state || !state.question) { return; }
    var number = state.question.number;
    $("sendButton").disabled = true;
    request("POST", "/api/vote", { room: me.room, token: me.token, question: number, answer: chosen }, function (status, data) {
      if (status === 200 || data.error === "already_answered") {
        if (state && state.question && state.question.number === number && !state.answer) {
          state.answer = data.answer || chosen.slice(0);
        }
        render(state);
        return;
      }
      if (status === 401) { leave(ERRORS.unknown_participant); return; }
      render(state);
      $("message").className = "bad";
      text($("message"), errorText(status, data));
    });
  }
  function tick() {
    var clock = $("clock");
    if (!state || state.phase !== "open") { text(clock, state && state.phase === "closed" ? "0:00" : ""); return; }
    var left = state.paused ? state.remaining : Math.max(0, Math.ceil((deadline - new Date().getTime()) / 1000));
    left = Math.ceil(left);
    text(clock, Math.floor(left / 60) + ":" + (left % 60 < 10 ? "0" : "") + (left % 60));
    clock.className = left <= 5 ? "over" : "";
  }

  /* -- start ------------------------------------------------------------------------------------- */
  $("joinButton").onclick = join;
  $("name").onkeydown = function (event) { if ((event.keyCode || event.which) === 13) { join(); } };
  $("sendButton").onclick = send;
  $("resetButton").onclick = function () { chosen = []; render(state); };
  window.setInterval(tick, 250);
  var preset = /[?&#]room=(\d{4})/.exec(window.location.search + window.location.hash);
  if (preset) { $("room").value = preset[1]; }
  recall();
  if (me.token && (!preset || preset[1] === me.room)) { enter(); }
})();

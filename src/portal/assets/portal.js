// Progressive enhancement only: every control also works without this file.
(function () {
  'use strict';
  var start = document.getElementById('read-aloud');
  var stop = document.getElementById('read-stop');
  // The print view's button (hidden without script: the browser's own print command still works).
  var printButton = document.getElementById('print-page');
  if (printButton && typeof window.print === 'function') {
    printButton.hidden = false;
    printButton.addEventListener('click', function () { window.print(); });
  }
  if (start && stop && 'speechSynthesis' in window) {
    start.hidden = false;
    start.addEventListener('click', function () {
      var main = document.getElementById('main');
      if (!main) return;
      window.speechSynthesis.cancel();
      var utterance = new SpeechSynthesisUtterance(main.innerText);
      utterance.lang = document.documentElement.lang || 'zh-CN';
      utterance.rate = 0.9;
      utterance.onend = function () { stop.hidden = true; start.hidden = false; start.focus(); };
      window.speechSynthesis.speak(utterance);
      start.hidden = true;
      stop.hidden = false;
      stop.focus();
    });
    stop.addEventListener('click', function () {
      window.speechSynthesis.cancel();
      stop.hidden = true;
      start.hidden = false;
      start.focus();
    });
  }
  // Home town and village (sign-up, account): show only the chosen town's villages. Without this file the
  // village list holds every village grouped by town, and the server refuses a village outside the town.
  var villageSelect = document.querySelector('select[data-town-select]');
  var townSelect = villageSelect && document.getElementById(villageSelect.getAttribute('data-town-select'));
  if (villageSelect && townSelect) {
    var narrow = function () {
      var town = townSelect.value;
      var groups = villageSelect.querySelectorAll('optgroup[data-town]');
      for (var i = 0; i < groups.length; i++) {
        var other = town !== '' && groups[i].getAttribute('data-town') !== town;
        groups[i].hidden = other;
        groups[i].disabled = other;
      }
      var chosen = villageSelect.options[villageSelect.selectedIndex];
      if (chosen && chosen.parentNode && chosen.parentNode.disabled) villageSelect.value = '';
    };
    townSelect.addEventListener('change', narrow);
    narrow();
  }
  // The main menu is a <details>, so it opens without this file. Here: the button states whether it is open, Esc
  // closes it and gives focus back to the button, and a wide screen keeps it open as a bar (browsers without
  // ::details-content cannot show a closed <details> as one with CSS alone).
  var menu = document.getElementById('navmenu');
  var menuButton = menu && menu.querySelector('summary');
  if (menu && menuButton && window.matchMedia) {
    var wide = window.matchMedia('(min-width: 768px)');
    var showState = function () { menuButton.setAttribute('aria-expanded', menu.open ? 'true' : 'false'); };
    var fit = function () {
      menu.classList.toggle('is-wide', wide.matches);
      menu.open = wide.matches;
      showState();
    };
    menu.addEventListener('toggle', showState);
    if (wide.addEventListener) wide.addEventListener('change', fit); else wide.addListener(fit);
    fit();
    document.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape' || !menu.open || wide.matches) return;
      var focusInside = menu.contains(document.activeElement);
      menu.open = false;
      showState();
      if (focusInside) menuButton.focus();
    });
  }
})();

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
})();

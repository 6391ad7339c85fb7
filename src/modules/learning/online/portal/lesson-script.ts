import crypto from 'node:crypto';

/**
 * The lesson page's video helper, served as `/assets/online-lesson.js` (the site's CSP allows only our own
 * scripts). Progressive enhancement: without it the video still plays; with it, playback resumes at the stored
 * position and the position is reported every 15 seconds of playing, on pause and at the end — the server
 * decides whether that completes the lesson.
 */
export const LESSON_SCRIPT = `(function () {
  'use strict';
  var video = document.getElementById('lesson-video');
  if (!video || !window.fetch) return;
  var url = video.getAttribute('data-progress-url');
  var token = video.getAttribute('data-csrf');
  var resume = Number(video.getAttribute('data-position')) || 0;
  var status = document.getElementById('lesson-status');
  var lastSent = -1;
  video.addEventListener('loadedmetadata', function () {
    if (resume > 0 && resume < video.duration - 1) video.currentTime = resume;
  });
  function report() {
    var position = Math.floor(video.currentTime || 0);
    if (position === lastSent) return;
    lastSent = position;
    fetch(url, { method: 'POST', credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify({ position: position }) })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (body && body.status === 'completed' && status) { status.hidden = false; }
      })
      .catch(function () { /* the next report tries again */ });
  }
  var timer = null;
  video.addEventListener('play', function () { if (!timer) timer = setInterval(report, 15000); });
  video.addEventListener('pause', function () { clearInterval(timer); timer = null; report(); });
  video.addEventListener('ended', function () { clearInterval(timer); timer = null; report(); });
})();
`;

export const LESSON_SCRIPT_VERSION = crypto.createHash('sha256').update(LESSON_SCRIPT).digest('hex').slice(0, 12);

// The deck's player: one slide at a time, fitted to the window; keys as a presentation
// clicker sends them, swipes on a touch screen, the slide's number in the address (#4).
(function () {
  var slides = [].slice.call(document.querySelectorAll('section'));
  var blank = document.getElementById('blank');
  var at = 0;
  if (!slides.length) return;
  document.documentElement.classList.add('player');
  function fit() {
    var pre = slides[at].querySelector('pre');

    pre.style.transform = '';
    var scale = Math.min(innerWidth / pre.offsetWidth, innerHeight / pre.offsetHeight);
    pre.style.transform = 'scale(' + scale + ')';
    pre.style.margin = ((scale - 1) * pre.offsetHeight / 2) + 'px ' + ((scale - 1) * pre.offsetWidth / 2) + 'px';
  }
  function show(n) {
    n = Math.max(0, Math.min(slides.length - 1, n));
    slides[at].classList.remove('current');
    at = n;
    slides[at].classList.add('current');
    blank.hidden = true;
    if (location.hash !== '#' + (at + 1)) history.replaceState(null, '', '#' + (at + 1));
    fit();
  }
  function fromAddress() {
    var n = parseInt(location.hash.slice(1), 10);
    show(isNaN(n) ? 0 : n - 1);
  }
  addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var k = e.key;
    if (!blank.hidden) {
      // The first key after a blank shows the same slide again, whatever it is, so a
      // clicker's "next" never skips a slide unseen.
      blank.hidden = true;
    } else if (k === 'ArrowRight' || k === 'ArrowDown' || k === 'PageDown' || k === ' ' || k === 'Enter') {
      show(at + 1);
    } else if (k === 'ArrowLeft' || k === 'ArrowUp' || k === 'PageUp' || k === 'Backspace') {
      show(at - 1);
    } else if (k === 'Home') {
      show(0);
    } else if (k === 'End') {
      show(slides.length - 1);
    } else if (k === 'b' || k === 'B' || k === '.') {
      blank.hidden = false;
    } else {
      return;
    }
    e.preventDefault();
  });
  var startX = null, startY = 0;
  addEventListener('touchstart', function (e) {
    startX = e.touches[0].clientX;
    startY = e.touches[0].clientY;
  }, { passive: true });
  addEventListener('touchend', function (e) {
    if (startX === null) return;
    var dx = e.changedTouches[0].clientX - startX, dy = e.changedTouches[0].clientY - startY;
    startX = null;
    if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) show(dx < 0 ? at + 1 : at - 1);
  }, { passive: true });
  addEventListener('hashchange', fromAddress);
  addEventListener('resize', fit);
  fromAddress();
})();

// The location picker of gapura/components.ftlh (mapPin): a small slippy map over the region's XYZ tile server
// that writes the chosen point into the form's hidden latitude/longitude fields. An enhancement only: without
// JavaScript, or when no tile loads, the form still works with the address alone.
(function () {
  'use strict';
  var frame = document.querySelector('[data-peta]');
  if (!frame) { return; }
  var view = frame.querySelector('.peta');
  var status = document.getElementById('peta-status');
  var latField = document.getElementById('latitude');
  var lonField = document.getElementById('longitude');
  var tiles = frame.getAttribute('data-tiles');
  var zoom = parseInt(frame.getAttribute('data-zoom'), 10);
  var size = 256;
  var centre;
  var pin = null;
  frame.hidden = false;

  function project(lat, lon, z) {
    var scale = size * Math.pow(2, z);
    var rad = lat * Math.PI / 180;
    return [(lon + 180) / 360 * scale, (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * scale];
  }

  function unproject(x, y, z) {
    var scale = size * Math.pow(2, z);
    var n = Math.PI - 2 * Math.PI * y / scale;
    return [180 / Math.PI * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n))), x / scale * 360 - 180];
  }

  function draw() {
    var width = view.clientWidth;
    var height = view.clientHeight;
    var left = centre[0] - width / 2;
    var top = centre[1] - height / 2;
    var count = Math.pow(2, zoom);
    var fragment = document.createDocumentFragment();
    for (var tx = Math.floor(left / size); tx <= Math.floor((left + width) / size); tx++) {
      for (var ty = Math.floor(top / size); ty <= Math.floor((top + height) / size); ty++) {
        if (ty < 0 || ty >= count) { continue; }
        var img = document.createElement('img');
        img.alt = '';
        img.width = size;
        img.height = size;
        img.className = 'peta-ubin';
        img.addEventListener('error', function () { this.remove(); }); // no tiles: the grey map still takes a pin
        img.src = tiles.replace('{z}', zoom).replace('{x}', ((tx % count) + count) % count).replace('{y}', ty);
        img.style.left = Math.round(tx * size - left) + 'px';
        img.style.top = Math.round(ty * size - top) + 'px';
        fragment.appendChild(img);
      }
    }
    if (pin) {
      var point = project(pin[0], pin[1], zoom);
      var marker = document.createElement('span');
      marker.className = 'peta-penanda';
      marker.style.left = Math.round(point[0] - left) + 'px';
      marker.style.top = Math.round(point[1] - top) + 'px';
      fragment.appendChild(marker);
    }
    view.replaceChildren(fragment);
  }

  function choose(lat, lon) {
    pin = lat === null ? null : [lat, lon];
    latField.value = pin ? lat.toFixed(6) : '';
    lonField.value = pin ? lon.toFixed(6) : '';
    status.textContent = pin ? status.getAttribute('data-dipilih').replace('{0}', latField.value)
      .replace('{1}', lonField.value) : status.getAttribute('data-kosong');
    draw();
  }

  function zoomTo(next) {
    next = Math.max(3, Math.min(19, next));
    var ll = unproject(centre[0], centre[1], zoom);
    zoom = next;
    centre = project(ll[0], ll[1], zoom);
    draw();
  }

  var start = null;
  view.addEventListener('pointerdown', function (event) {
    start = {x: event.clientX, y: event.clientY, centre: centre.slice(), moved: false};
    view.setPointerCapture(event.pointerId);
  });
  view.addEventListener('pointermove', function (event) {
    if (!start) { return; }
    var dx = event.clientX - start.x;
    var dy = event.clientY - start.y;
    if (Math.abs(dx) + Math.abs(dy) > 4) { start.moved = true; }
    centre = [start.centre[0] - dx, start.centre[1] - dy];
    draw();
  });
  view.addEventListener('pointerup', function (event) {
    if (start && !start.moved) {
      var box = view.getBoundingClientRect();
      var ll = unproject(centre[0] - box.width / 2 + (event.clientX - box.left),
        centre[1] - box.height / 2 + (event.clientY - box.top), zoom);
      choose(ll[0], ll[1]);
    }
    start = null;
  });
  view.addEventListener('keydown', function (event) {
    var step = 64;
    var moves = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step]};
    if (moves[event.key]) {
      centre = [centre[0] + moves[event.key][0], centre[1] + moves[event.key][1]];
      draw();
    } else if (event.key === '+' || event.key === '=') {
      zoomTo(zoom + 1);
    } else if (event.key === '-') {
      zoomTo(zoom - 1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      var ll = unproject(centre[0], centre[1], zoom);
      choose(ll[0], ll[1]);
    } else {
      return;
    }
    event.preventDefault();
  });
  frame.querySelector('[data-peta-perbesar]').addEventListener('click', function () { zoomTo(zoom + 1); });
  frame.querySelector('[data-peta-perkecil]').addEventListener('click', function () { zoomTo(zoom - 1); });
  frame.querySelector('[data-peta-hapus]').addEventListener('click', function () { choose(null, null); });
  var here = frame.querySelector('[data-peta-lokasi]');
  if (!navigator.geolocation) {
    here.hidden = true;
  } else {
    here.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        centre = project(position.coords.latitude, position.coords.longitude, zoom);
        choose(position.coords.latitude, position.coords.longitude);
      });
    });
  }

  var lat = parseFloat(latField.value);
  var lon = parseFloat(lonField.value);
  if (!isNaN(lat) && !isNaN(lon)) {
    pin = [lat, lon];
    centre = project(lat, lon, zoom);
  } else {
    centre = project(parseFloat(frame.getAttribute('data-lat')), parseFloat(frame.getAttribute('data-lon')), zoom);
  }
  status.textContent = pin ? '' : status.getAttribute('data-kosong');
  window.addEventListener('resize', draw);
  draw();
})();

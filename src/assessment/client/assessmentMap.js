// The Strategic Assessment's interactive map (progressive enhancement: the server-drawn SVG maps work without it).
// Leaflet over the partnership's own boundaries, no tile server: pan, zoom, and each area's figure on click.
import * as L from '/vendor/leaflet/leaflet-src.esm.js';

for (const holder of document.querySelectorAll('[data-app-map]')) {
  const source = holder.getAttribute('data-app-map');
  const status = holder.querySelector('[data-app-map-status]');
  fetch(source, { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) throw new Error(`the map data could not be loaded (${response.status})`);
      return response.json();
    })
    .then((collection) => {
      const canvas = document.createElement('div');
      canvas.className = 'app-map__canvas';
      holder.appendChild(canvas);
      const map = L.map(canvas, { attributionControl: true, zoomSnap: 0.25 });
      map.attributionControl.setPrefix(false).addAttribution(collection.attribution);
      const layer = L.geoJSON(collection, {
        style: (feature) => ({ color: '#ffffff', weight: 1, fillColor: feature.properties.fill, fillOpacity: 0.9 }),
        onEachFeature: (feature, area) => area.bindPopup(feature.properties.label),
      }).addTo(map);
      map.fitBounds(layer.getBounds());
      if (status) status.textContent = 'Select an area to see its figure. Drag to move the map; use the + and − buttons to zoom.';
    })
    .catch((error) => {
      if (status) status.textContent = `The interactive map is not available: ${error.message}. The maps above show the same figures.`;
    });
}

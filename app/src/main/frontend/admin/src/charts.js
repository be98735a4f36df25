// Chart.js, with only the parts the dashboard uses, set up for Japanese labels and stable screenshots.

import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale,
  LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale,
  LineController, LineElement, PointElement, Tooltip);
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font') || 'sans-serif';
Chart.defaults.font.size = 13;
Chart.defaults.color = '#1a1a1a';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

/** Okabe–Ito colours: told apart with colour-vision deficiencies, all readable on white. */
export const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#999999'];

export function colour(index) {
  return COLOURS[index % COLOURS.length];
}

/**
 * A chart on a canvas that says what it shows (role img, label); the numbers themselves are in the
 * table beside it, for screen readers and for copying.
 */
export function chart(canvas, config) {
  return new Chart(canvas, config);
}

export const integerAxis = { beginAtZero: true, ticks: { precision: 0 } };

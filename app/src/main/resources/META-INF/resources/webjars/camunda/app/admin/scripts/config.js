// Madoguchi: this webapp speaks Japanese (locales/ja.json); a browser set to English gets English,
// every other language Japanese. Read by Camunda's webapp in place of its own config.js.
export default {
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'ja'
  }
};

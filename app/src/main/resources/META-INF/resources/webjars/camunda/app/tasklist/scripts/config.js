// Madoguchi: Tasklist speaks Japanese (locales/ja.json); a browser set to English gets English,
// every other language Japanese. Read by Camunda's webapp in place of its own config.js.
export default {
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'ja'
  },
  // clerks land on their department queue; the first-visit pointer to Camunda's welcome page is noise
  disableWelcomeMessage: true,
  // typed values kept, Japanese validation messages and dates in task forms (see the script)
  customScripts: ['madoguchi/form-fixes'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '選択中のタスクを引き受ける'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '最初のフィルターに移動する'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'タスク一覧の最初のタスクに移動する'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'タスクのフォームの最初の入力欄に移動する'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'プロセスを開始する画面を開く'
    }
  }
};

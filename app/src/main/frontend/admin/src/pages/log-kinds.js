// What the kinds of the access and operation log mean, in Japanese (the log itself keeps the codes).

export const KINDS = {
  access: 'アクセス',
  'personal-data.read': '個人情報の閲覧',
  login: 'ログイン',
  'login.failed': 'ログインの失敗',
  'login.locked': 'ロック中のログイン',
  refused: '拒否（すべて）',
  'refused.address-not-allowed': '許可されていないアドレスからの要求',
  'refused.tenant-suspended': '停止中の自治体への要求',
  'refused.account-disabled': '無効なアカウントの要求',
  'refused.password-change-required': 'パスワード変更前の要求',
  'refused.forbidden-roles': '持てない役割を持つアカウントの要求',
  'refused.login-form': '形式の正しくないログイン',
  'refused.plain-http': '暗号化されていない接続 (http) の要求',
  'refused.suppressed': '認証のない要求の拒否（1分ごとの件数）',
  'anonymous.counted': '認証のない要求への応答（1分ごとの件数）',
  staff: '職員の管理（すべて）',
  'staff.created': '職員の登録',
  'staff.updated': '職員の変更',
  'staff.deleted': '職員の削除',
  'staff.password-reset': 'パスワードの再設定',
  'staff.password-changed': 'パスワードの変更',
  'staff.lock-lifted': 'ロックの解除',
  department: '部署（すべて）',
  'department.named': '部署名の設定',
  'department.name-removed': '部署名の削除',
  'tenant.created': '自治体の登録',
  'ip-allow-list.changed': 'IPアドレス制限の変更',
  'audit-retention.changed': 'ログ保存期間の変更',
  procedure: '手続（すべて）',
  'procedure.deployed': '手続の登録',
  'procedure.deploy-refused': '手続の登録の拒否',
  'signing-certificate.installed': '署名証明書の導入',
  'line-channel.changed': 'LINE チャネルの設定の変更',
  'notification.requeued': '通知の再送',
  'export.started': 'エクスポートの開始',
  'export.downloaded': 'エクスポートのダウンロード',
  'support-grant.created': 'サポート許可',
  'support-grant.ended': 'サポート許可の終了',
  'retention.removed': '保存年限による削除',
  'retention.changed': '保存期限の変更（訴訟ホールドなど）',
  'audit.entries-lost': 'ログの欠落',
  'audit-chain.resealed': 'ログの封印のやり直し',
  engine: 'エンジンの操作（すべて）',
  'engine.task.complete': 'タスクの完了',
  'engine.task.claim': 'タスクの担当',
  'engine.deployment.create': 'デプロイ',
};

/** 「職員の登録」 for staff.created; for an engine kind not listed, its family. */
export function kindName(kind) {
  if (!kind) return '';
  if (KINDS[kind]) return KINDS[kind];
  if (kind.startsWith('engine.')) return 'エンジンの操作';
  if (kind.startsWith('refused.')) return '拒否';
  return kind;
}

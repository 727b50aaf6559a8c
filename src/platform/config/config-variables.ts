/** One documented row per variable: ARCHITECTURE.md and `baton --help` show this table. */
export const CONFIG_VARIABLES: ReadonlyArray<{ name: string; default: string; meaning: string }> = [
  { name: 'PORT', default: '3000', meaning: 'HTTP port' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'interface to listen on (0.0.0.0 for all)' },
  { name: 'BATON_DATA_DIR', default: './data', meaning: 'folder for the SQLite database and backups' },
  {
    name: 'DATABASE_URL',
    default: 'sqlite:<BATON_DATA_DIR>/baton.db',
    meaning: 'postgres://user:pass@host/db for PostgreSQL',
  },
  { name: 'BATON_DEMO', default: 'true', meaning: 'create the demo workspace on first start with an empty database' },
  { name: 'BATON_ADMIN_EMAIL', default: 'admin@baton.local', meaning: 'first admin user created on an empty database' },
  {
    name: 'BATON_ADMIN_PASSWORD',
    default: '(generated, printed once)',
    meaning:
      'password of that first admin (10+ characters); missed the printed one? baton user set-password --email <admin>',
  },
  {
    name: 'BATON_SECURE_COOKIES',
    default: '(see meaning)',
    meaning:
      'mark the session cookie Secure (sent only over HTTPS) and send HSTS: true, or false for neither; unset, ' +
      'both in production or with an https:// BATON_PUBLIC_URL, else the cookie is Secure on requests that came ' +
      'over HTTPS',
  },
  {
    name: 'BATON_TRUST_PROXY',
    default: 'loopback',
    meaning:
      'reverse proxies whose X-Forwarded-For/-Proto/-Host headers are believed: true (any), false (none), or ' +
      'addresses, subnets (10.0.0.0/8) and loopback, linklocal, uniquelocal, comma-separated',
  },
  { name: 'BATON_SESSION_TTL_HOURS', default: '168', meaning: 'how long a login lasts' },
  { name: 'BATON_LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent' },
  {
    name: 'BATON_LOGIN_RATE_LIMIT',
    default: '10',
    meaning:
      'sign-in attempts per minute per client address, per instance (failed sign-ins are also counted per email ' +
      'and per address in the database)',
  },
  { name: 'BATON_JOBS', default: 'true', meaning: 'run the job worker and scheduler in this instance' },
  { name: 'BATON_JOBS_POLL_MS', default: '1000', meaning: 'how often the worker looks for due jobs' },
  { name: 'BATON_INSTANCE_ID', default: 'hostname-pid', meaning: 'name of this instance in job locks and logs' },
  {
    name: 'BATON_IMPORT_MAX_MB',
    default: '50',
    meaning: 'largest CSV file an import through the API or web page accepts, in MiB',
  },
  {
    name: 'BATON_INGEST_MAX_PENDING',
    default: '200',
    meaning:
      'usage ingest requests an instance holds (waiting or being written) before it answers 429 with Retry-After',
  },
  {
    name: 'BATON_INGEST_RETRY_AFTER',
    default: '2',
    meaning: 'seconds a refused ingest client is told to wait before sending again',
  },
  {
    name: 'BATON_INGEST_READ_THREADS',
    default: '1',
    meaning: 'worker threads that parse and check ingest bodies (0: parse on the request thread)',
  },
  {
    name: 'BATON_INGEST_WRITE_THREAD',
    default: 'true',
    meaning:
      'on a SQLite file, store usage ingest on a thread of its own while the request thread receives (false: on ' +
      'the request thread)',
  },
  {
    name: 'BATON_INGEST_PG_WRITERS',
    default: '2',
    meaning: 'on PostgreSQL, usage ingest transactions an instance runs at once (each stores a group of requests)',
  },
  {
    name: 'BATON_SECRET_KEY',
    default: '(<BATON_DATA_DIR>/secret.key, made on first start)',
    meaning:
      'key sealing stored secrets such as CRM webhook secrets: 32 bytes as base64 (openssl rand -base64 32); the ' +
      'same on every instance of one database',
  },
  {
    name: 'BATON_PUBLIC_URL',
    default: '(from each request)',
    meaning:
      'address people and CRMs reach Baton at, e.g. https://baton.example.com; webhook signatures cover it, and ' +
      'https:// turns on Secure cookies and HSTS',
  },
  {
    name: 'BATON_SMTP_URL',
    default: '(none: no email alerts)',
    meaning: 'SMTP server for email alerts: smtp://user:pass@host:587 (STARTTLS when offered) or smtps:// (TLS, 465)',
  },
  { name: 'BATON_SMTP_FROM', default: 'baton@localhost', meaning: 'sender address of alert emails' },
  {
    name: 'BATON_LLM_URL',
    default: '(none: extractive answers)',
    meaning:
      'base address of an OpenAI-compatible chat API (POST {url}/chat/completions) that writes the assistant’s ' +
      'answers from the passages Baton retrieved, citing them; set with BATON_LLM_API_KEY and BATON_LLM_MODEL',
  },
  { name: 'BATON_LLM_API_KEY', default: '(none)', meaning: 'bearer key for BATON_LLM_URL' },
  { name: 'BATON_LLM_MODEL', default: '(none)', meaning: 'model name sent to BATON_LLM_URL (e.g. gpt-4o-mini)' },
  {
    name: 'BATON_LLM_TIMEOUT_MS',
    default: '20000',
    meaning: 'how long the chat API may take before the assistant answers from the passages itself, saying so',
  },
  {
    name: 'NODE_ENV',
    default: 'development',
    meaning: 'production turns on Secure cookies and HSTS and makes configuration mistakes fatal',
  },
];

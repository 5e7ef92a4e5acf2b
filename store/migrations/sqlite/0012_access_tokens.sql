-- The WeChat access token, shared by serve and the commands an operator
-- runs beside it: each fetch of /cgi-bin/token retires the one before it.
CREATE TABLE access_tokens (
	key TEXT PRIMARY KEY,
	token TEXT NOT NULL,
	expires_at INTEGER NOT NULL
);

package admin

import (
	"net/http"
	"strings"
	"testing"
)

// TestTryMalformedIsNotTooLong: a script posting the try box a short text
// with a bare % (curl --data 'text=100%枫桥经验', not url-encoded) gets 413
// and "消息太长：试发的内容最多 64 KB": every ParseForm error is said to be
// a text too long, a 20-byte one too.
func TestTryMalformedIsNotTooLong(t *testing.T) {
	srv := testConsole(t)
	req, _ := http.NewRequest("POST", srv.URL+"/try", strings.NewReader("text=100%枫桥经验"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Bearer the-console-token")
	code, body, _ := get(t, req)
	if code == http.StatusRequestEntityTooLarge || strings.Contains(body, "消息太长") {
		t.Errorf("a 20-byte text with a bare %% is answered %d, 消息太长", code)
	}
}

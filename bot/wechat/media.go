package wechat

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MediaKind is what WeChat takes a file as, by its extension, with the
// size limit of that kind.
func MediaKind(filename string, permanent bool) (kind string, maxBytes int64, err error) {
	// As each endpoint takes them: media/upload (temporary) no bmp, wav
	// or wma; neither speex (WeChat's 40004 came back after the upload).
	ext := strings.ToLower(filepath.Ext(filename))
	switch {
	case ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".gif" || permanent && ext == ".bmp":
		return "image", 10 << 20, nil
	case ext == ".amr" || ext == ".mp3" || permanent && (ext == ".wma" || ext == ".wav"):
		return "voice", 2 << 20, nil
	case ext == ".mp4":
		return "video", 10 << 20, nil
	}
	if permanent {
		return "", 0, fmt.Errorf("%s: WeChat takes permanent images (jpg, png, gif, bmp), voice (mp3, amr, wma, wav) and video (mp4)", filepath.Base(filename))
	}
	return "", 0, fmt.Errorf("%s: WeChat takes temporary images (jpg, png, gif), voice (mp3, amr) and video (mp4); bmp, wma and wav only as --permanent material", filepath.Base(filename))
}

// TooLarge is the error of a file of size bytes over limit, WeChat's for kind.
func TooLarge(filename string, size int64, kind string, limit int64) error {
	return fmt.Errorf("%s is %d bytes; WeChat takes %s of at most %d", filepath.Base(filename), size, mediaNoun(kind), limit)
}

// mediaNoun names a media kind in a sentence: an image, a voice file, a video.
func mediaNoun(kind string) string {
	switch kind {
	case "image":
		return "an image"
	case "voice":
		return "a voice file"
	}
	return "a " + kind
}

// Video describes a permanent video material (WeChat requires it).
type Video struct {
	Title        string `json:"title"`
	Introduction string `json:"introduction"`
}

// Upload uploads a file as temporary media (kept three days; media/upload)
// or, when permanent, as permanent material (material/add_material), and
// returns its media_id for replies and menus.
func (a *API) UploadMedia(ctx context.Context, filename string, data []byte, permanent bool, video Video) (string, error) {
	kind, limit, err := MediaKind(filename, permanent)
	if err != nil {
		return "", err
	}
	if int64(len(data)) > limit {
		return "", TooLarge(filename, int64(len(data)), kind, limit)
	}
	endpoint, query := "/cgi-bin/media/upload", url.Values{"type": {kind}}
	fields := map[string]string{}
	if permanent {
		endpoint = "/cgi-bin/material/add_material"
		if kind == "video" {
			if video.Title == "" {
				return "", fmt.Errorf("a permanent video needs a title")
			}
			desc, _ := json.Marshal(video)
			fields["description"] = string(desc)
		}
	}
	var out struct {
		MediaID string `json:"media_id"`
	}
	if err := a.upload(ctx, endpoint, query, filepath.Base(filename), data, fields, &out); err != nil {
		return "", err
	}
	if out.MediaID == "" { // an answer without an errcode nor what was asked (a proxy's, a changed API)
		return "", fmt.Errorf("%s: WeChat's answer has no media_id", endpoint)
	}
	return out.MediaID, nil
}

// QRCode is a channel QR code: followers who follow by scanning it arrive
// with its scene in their subscribe event.
type QRCode struct {
	Ticket  string
	Expires time.Time // zero for a permanent code
	URL     string    // the address the code encodes
}

// CheckScene says what is wrong with a channel's scene name: WeChat takes
// 1 to 64 bytes (a Chinese character is three); a control character
// (a tab) would break the tables that list scenes.
func CheckScene(scene string) error {
	switch {
	case scene == "" || len(scene) > 64:
		return fmt.Errorf("a scene is 1 to 64 bytes (a Chinese character takes 3), got %d: %q", len(scene), scene)
	case !utf8.ValidString(scene):
		// Typed in a GBK terminal: sent as U+FFFD, the code would carry
		// another scene than named, matching no welcome.
		return fmt.Errorf("a scene is UTF-8 text; %q is not (typed in a terminal of another encoding?)", scene)
	case strings.ContainsFunc(scene, unicode.IsControl):
		return fmt.Errorf("a scene holds no control characters (a tab, a line break), got %q", scene)
	case !strings.ContainsFunc(scene, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSymbol(r) || unicode.IsPunct(r)
	}):
		return fmt.Errorf("a scene needs a visible character: %q would be a blank channel in followers stats", scene)
	}
	return nil
}

// maxQRImage bounds a QR code's picture read.
const maxQRImage = 4 << 20

// maxQRExpire is the longest a temporary QR code lasts.
const maxQRExpire = 30 * 24 * time.Hour

// CreateQRCode creates a QR code for scene (qrcode/create): temporary for
// expire (at most 30 days), or permanent when expire is 0.
func (a *API) CreateQRCode(ctx context.Context, scene string, expire time.Duration) (QRCode, error) {
	if err := CheckScene(scene); err != nil {
		return QRCode{}, err
	}
	if expire > maxQRExpire {
		return QRCode{}, fmt.Errorf("a temporary QR code lasts at most 30 days, not %v", expire)
	}
	req := map[string]any{"action_name": "QR_LIMIT_STR_SCENE", "action_info": map[string]any{"scene": map[string]string{"scene_str": scene}}}
	if expire > 0 {
		req["action_name"] = "QR_STR_SCENE"
		req["expire_seconds"] = int64(expire / time.Second)
	}
	var out struct {
		Ticket        string `json:"ticket"`
		ExpireSeconds int64  `json:"expire_seconds"`
		URL           string `json:"url"`
	}
	if err := a.Post(ctx, "/cgi-bin/qrcode/create", req, &out); err != nil {
		return QRCode{}, err
	}
	if out.Ticket == "" {
		return QRCode{}, fmt.Errorf("/cgi-bin/qrcode/create: WeChat's answer has no ticket")
	}
	q := QRCode{Ticket: out.Ticket, URL: out.URL}
	switch {
	case out.ExpireSeconds > 0:
		q.Expires = time.Now().Add(time.Duration(out.ExpireSeconds) * time.Second)
	case expire > 0: // a temporary code all the same, as asked
		q.Expires = time.Now().Add(expire)
	}
	return q, nil
}

// QRImageURL is where the picture of a code is (showqrcode on
// mp.weixin.qq.com, which needs no token; on a fake or proxy API base, the
// same path there).
func (a *API) QRImageURL(ticket string) string {
	host := "https://mp.weixin.qq.com"
	if a.base != DefaultAPIBase {
		host = a.base
	}
	return host + "/cgi-bin/showqrcode?ticket=" + url.QueryEscape(ticket)
}

// QRImage downloads the picture of a code, retrying a failure to reach
// WeChat and an HTTP 5xx as the API calls do (one 502 had failed qrcode
// create after the code was made: an operator run's find).
func (a *API) QRImage(ctx context.Context, ticket string) ([]byte, error) {
	var last error
	for attempt := 0; attempt < max(a.cfg.Attempts, 1); attempt++ {
		if attempt > 0 {
			if err := a.Sleep(ctx, a.cfg.Backoff<<(attempt-1)); err != nil {
				return nil, errors.Join(last, err)
			}
		}
		img, transient, err := a.qrImageOnce(ctx, ticket)
		if err == nil || !transient {
			return img, err
		}
		last = err
	}
	return nil, last
}

// qrImageOnce fetches the picture once; transient tells a failure worth
// trying again.
func (a *API) qrImageOnce(ctx context.Context, ticket string) (img []byte, transient bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.QRImageURL(ticket), nil)
	if err != nil {
		return nil, false, err
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return nil, ctx.Err() == nil, fmt.Errorf("QR code picture: %s", redact(err.Error()))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, resp.StatusCode >= 500, fmt.Errorf("QR code picture: http status %d", resp.StatusCode)
	}
	img, err = io.ReadAll(io.LimitReader(resp.Body, maxQRImage+1))
	if err != nil {
		return nil, ctx.Err() == nil, fmt.Errorf("QR code picture: %w", err)
	}
	if len(img) > maxQRImage { // WeChat's are some 30 KB: saved cut short, it had been "saved"
		return nil, false, fmt.Errorf("QR code picture: larger than %d bytes, not WeChat's", maxQRImage)
	}
	// An error comes as JSON with status 200: not to be saved as the picture.
	if kind := http.DetectContentType(img); !strings.HasPrefix(kind, "image/") {
		return nil, false, fmt.Errorf("QR code picture: the answer is %s, not a picture: %s", kind, redact(string(img[:min(len(img), 200)])))
	}
	return img, false, nil
}

package main

import (
	"log/slog"
	"reflect"
	"slices"
	"testing"
	"time"

	"mpbot/bot/wechat"
	"mpbot/jobs"
)

// changed returns a different value of v's type.
func changed(t *testing.T, v reflect.Value) reflect.Value {
	t.Helper()
	out := reflect.New(v.Type()).Elem()
	switch v.Kind() {
	case reflect.String:
		out.SetString(v.String() + "x")
	case reflect.Bool:
		out.SetBool(!v.Bool())
	case reflect.Int, reflect.Int64: // time.Duration too
		out.SetInt(v.Int() + int64(time.Second))
	case reflect.Float64:
		out.SetFloat(v.Float() + 1)
	case reflect.Slice:
		out.Set(reflect.Append(reflect.MakeSlice(v.Type(), 0, 1), reflect.New(v.Type().Elem()).Elem()))
	case reflect.Map:
		out.Set(reflect.MakeMap(v.Type()))
		out.SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf("v"))
	default:
		t.Fatalf("no change for a %s", v.Kind())
	}
	return out
}

// TestRestartKeysAreNamed: a change to any key read only at start (every
// key of server, wechat, store, log and state, and push.catch_up) is named
// by the reload's "needs a restart" warning, and nothing else is.
func TestRestartKeysAreNamed(t *testing.T) {
	running, err := loadConfig("config.yaml", true)
	if err != nil {
		t.Fatal(err)
	}
	rv := reflect.ValueOf(running).Elem()
	for i := range rv.NumField() {
		section := rv.Type().Field(i).Tag.Get("mapstructure")
		if section == "" || section == "replies" {
			continue
		}
		for j := range rv.Field(i).NumField() {
			field := rv.Field(i).Type().Field(j)
			key := section + "." + field.Tag.Get("mapstructure")
			if field.Anonymous { // squashed specs (search thresholds, opt-in words) compile into the bot's settings
				continue
			}
			edited := *running
			ev := reflect.ValueOf(&edited).Elem()
			ev.Field(i).Field(j).Set(changed(t, rv.Field(i).Field(j)))
			got := needsRestart(running, &edited)
			restart := slices.Contains(restartSections, section) || slices.Contains(restartKeys, key)
			switch {
			case restart && !slices.Equal(got, []string{key}):
				t.Errorf("%s changed: warning names %v", key, got)
			case !restart && len(got) != 0:
				t.Errorf("%s changed: warning names %v, but it applies on reload", key, got)
			}
		}
	}
	if got := needsRestart(running, running); len(got) != 0 {
		t.Errorf("the running config against itself: %v", got)
	}
}

// TestPushKeysApplyOnReload: every push key that needs no restart reaches
// the next run's settings from the config snapshot it is given.
func TestPushKeysApplyOnReload(t *testing.T) {
	cfg, err := loadConfig("config.yaml", true)
	if err != nil {
		t.Fatal(err)
	}
	a := &app{api: wechat.NewAPI(wechat.APIConfig{AppID: "wx", AppSecret: "s"}, slog.New(slog.DiscardHandler))}
	outbox := &jobs.Outbox{}
	edited := *cfg
	p := &edited.Push
	p.Category, p.QPS, p.LeaseTTL, p.PreviewLead = "时政热点", 7, 42*time.Second, time.Minute
	p.PreviewOpenIDs = []string{"o_staff"}
	edited.location, _ = time.LoadLocation("Europe/Berlin")

	p.Mode, p.TemplateID, p.TemplateFields = jobs.ModeTemplate, "TPL2", map[string]string{"thing1": "title"}
	jc := a.pushConfig(&edited, outbox)
	ts, ok := jc.Sender.(*wechat.TemplateSender)
	if !ok || ts.TemplateID != "TPL2" || ts.Fields["thing1"] != "title" {
		t.Fatalf("template sender %+v", jc.Sender)
	}
	if jc.Mode != jobs.ModeTemplate || jc.Category != "时政热点" || jc.QPS != 7 || jc.LeaseTTL != 42*time.Second ||
		jc.PreviewLead != time.Minute || !slices.Equal(jc.PreviewOpenIDs, []string{"o_staff"}) || jc.Location.String() != "Europe/Berlin" {
		t.Fatalf("run settings %+v", jc)
	}
	p.Mode, p.TagID, p.DefaultThumb = jobs.ModeBroadcast, 9, "THUMB"
	jc = a.pushConfig(&edited, outbox)
	if b, ok := jc.Broadcaster.(*wechat.Broadcaster); !ok || b.TagID != 9 || b.DefaultID != "THUMB" {
		t.Fatalf("broadcaster %+v", jc.Broadcaster)
	}
	p.Mode = jobs.ModeLog
	if jc = a.pushConfig(&edited, outbox); jc.Sender != jobs.Sender(outbox) {
		t.Fatalf("log mode sender %+v", jc.Sender)
	}
	p.Mode = jobs.ModeCustomer
	if jc = a.pushConfig(&edited, outbox); jc.Sender != jobs.Sender(a.api) {
		t.Fatalf("customer mode sender %+v", jc.Sender)
	}
	// Without an AppSecret only the log mode can send.
	a.api = nil
	if jc = a.pushConfig(&edited, outbox); jc.Sender != nil {
		t.Fatalf("customer mode without an API client: %+v", jc.Sender)
	}
}

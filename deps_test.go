package main

import (
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDependencyRule keeps the dependencies pointing one way: main wires
// everything; bot and jobs use content; content uses neither; the WeChat SDK
// is confined to bot/wechat, and its root package (whose init turns on
// debug logging of followers' messages) is imported nowhere.
func TestDependencyRule(t *testing.T) {
	forbidden := map[string][]string{
		"content":               {"mpbot/bot", "mpbot/jobs", "github.com/silenceper/", "github.com/spf13/", "github.com/robfig/cron"},
		"bot":                   {"mpbot/bot/wechat", "mpbot/jobs", "github.com/silenceper/", "github.com/spf13/", "github.com/robfig/cron"},
		"jobs":                  {"mpbot/bot", "github.com/silenceper/", "github.com/spf13/"},
		"bot/wechat":            {"mpbot/jobs", "github.com/spf13/", "github.com/robfig/cron"},
		"bot/wechat/wechattest": {"github.com/silenceper/"},
		"content/contenttest":   {"mpbot/", "github.com/silenceper/"},
		"fleet":                 {"github.com/silenceper/", "mpbot/jobs", "github.com/spf13/"},
		".":                     {"github.com/silenceper/"},
	}
	seen := map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "data") {
			return filepath.SkipDir
		}
		if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && path != "." {
			return filepath.SkipDir // another module (bench/): not part of the product
		}
		pkg, err := build.ImportDir(path, 0)
		if err != nil {
			if _, ok := err.(*build.NoGoError); ok {
				return nil
			}
			return err
		}
		rel := filepath.ToSlash(path)
		rules, ok := forbidden[rel]
		if !ok {
			t.Errorf("package %s has no dependency rule; add one", rel)
		}
		seen[rel] = true
		imports := append(append(append([]string{}, pkg.Imports...), pkg.TestImports...), pkg.XTestImports...)
		for _, imp := range imports {
			if imp == "github.com/silenceper/wechat/v2" {
				t.Errorf("%s imports the SDK root package", rel)
			}
			for _, bad := range rules {
				if imp == bad || strings.HasPrefix(imp, bad) && (strings.HasSuffix(bad, "/") || strings.HasPrefix(imp, bad+"/")) {
					t.Errorf("%s imports %s", rel, imp)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for rel := range forbidden {
		if !seen[rel] {
			t.Errorf("rule for %s, but no such package", rel)
		}
	}
}

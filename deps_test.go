package main

import (
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// dependencyRule says which of mpbot's own packages each package may
// import; main (".") wires them all. No package imports "up", so there can
// be no cycle, and the WeChat SDK stays inside bot/wechat.
var dependencyRule = map[string][]string{
	"content":               {},
	"store":                 {"content"},
	"store/storetest":       {"content", "store"},
	"search":                {"content", "store"},
	"bot":                   {"content"},
	"bot/wechat":            {"bot", "content"},
	"bot/wechat/wechattest": {},
	"jobs":                  {"content", "store"},
	"fleet":                 {"bot", "content"},
	"insights":              {"bot", "content", "store"},
	"admin":                 {"bot", "content", "insights", "store"},
}

// testOnly are imports a package's tests may add to its rule: the bot's
// tests run against the real search engine (not a fake of it), the
// store's and the search's against both database engines, and the fleet's
// Redis types against the real WeChat client; the report's tests store
// the articles a push sends.
var testOnly = map[string][]string{
	"bot":        {"search", "store", "store/storetest"},
	"bot/wechat": {"bot/wechat/wechattest", "search", "store", "store/storetest"},
	"store":      {"store/storetest"},
	"search":     {"store/storetest"},
	"jobs":       {},
	"fleet":      {"bot/wechat", "bot/wechat/wechattest"},
	"insights":   {"content", "store/storetest"},
}

// thirdParty are outside imports confined to some packages: the WeChat SDK
// to its adapter, the config and CLI libraries and cron to the packages
// that own those jobs.
var thirdParty = map[string][]string{
	"github.com/silenceper/":    {"bot/wechat"},
	"github.com/spf13/":         {"."},
	"github.com/robfig/cron":    {"jobs"},
	"github.com/redis/go-redis": {"fleet"},
}

// TestDependencyRule enforces the rules above on every package, tests
// included, and that the SDK's root package (whose init turns on debug
// logging of followers' messages) is imported nowhere.
func TestDependencyRule(t *testing.T) {
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
		seen[rel] = true
		allowed, ruled := dependencyRule[rel]
		if !ruled && rel != "." {
			t.Errorf("package %s has no dependency rule; add one", rel)
		}
		check := func(imports []string, allowed []string) {
			for _, imp := range imports {
				if imp == "github.com/silenceper/wechat/v2" {
					t.Errorf("%s imports the SDK root package", rel)
				}
				for prefix, owners := range thirdParty {
					if strings.HasPrefix(imp, prefix) && !slices.Contains(owners, rel) {
						t.Errorf("%s imports %s (only %v may)", rel, imp, owners)
					}
				}
				own, ok := strings.CutPrefix(imp, "mpbot/")
				if !ok || rel == "." {
					continue
				}
				if !slices.Contains(allowed, own) {
					t.Errorf("%s imports mpbot/%s; its rule allows %v", rel, own, allowed)
				}
			}
		}
		check(pkg.Imports, allowed)
		check(append(append([]string{}, pkg.TestImports...), pkg.XTestImports...), append(append([]string{rel}, allowed...), testOnly[rel]...))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for rel := range dependencyRule {
		if !seen[rel] {
			t.Errorf("rule for %s, but no such package", rel)
		}
	}
}

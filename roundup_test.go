package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// TestRoundupItemsThroughWebhook: a follower asking about one item of a
// roundup (国内联播快讯) gets that item, as a card with the roundup's page
// or, for a roundup without one, as the item's own text; an item listed
// among others opens as the item when its number is sent. Through the real
// import, store, index, bot and webhook.
func TestRoundupItemsThroughWebhook(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	var lines []string
	for i := range 6 {
		a := map[string]string{"id": fmt.Sprintf("r%d", i), "title": "国内联播快讯", "published_on": fmt.Sprintf("2024-10-%02d", 20+i),
			"url": fmt.Sprintf("https://example.com/r%d", i)}
		body := "央视网消息（新闻联播）：\n\n"
		switch i {
		case 0:
			body += "2025年度中央机关公开遴选和公开选调公务员明起报名\n\n记者从国家公务员局获悉，2025年度中央机关公开遴选和公开选调公务员明起开始网上报名，笔试将于11月30日举行。\n\n"
		case 1:
			delete(a, "url")
			body += "21家主要银行上半年减免服务费用1375亿元\n\n银保监会最新数据显示，今年上半年，21家主要银行减免服务费用共1375亿元。\n\n"
		case 2, 3:
			body += fmt.Sprintf("第%d批国家组织药品集采开标\n\n第%d批国家组织药品集中带量采购今天在上海开标，平均降价五成。\n\n", 8+i, 8+i)
		}
		body += fmt.Sprintf("各地推进秋冬种%d\n\n各地抢抓农时推进秋冬种，目前已完成%d成。\n\n第%d届华语纪录电影大会闭幕\n\n大会在广东珠海闭幕。", i, i+3, i+1)
		a["body"] = body
		b, _ := json.Marshal(a)
		lines = append(lines, string(b))
	}
	file := filepath.Join(dir, "roundups.jsonl")
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "import", "--config", cfg, file); code != 0 {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errOut)
	}
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	defer stop()
	sim := simulatorFor(t, cfg, base)
	id := int64(0)
	send := func(text string) *wechat.Outbound {
		t.Helper()
		id++
		out, err := sim.Send(context.Background(), wechat.Inbound{From: "o_roundup", MsgType: "text", Content: text, MsgID: id, CreateTime: time.Now().Unix()})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	card := send("中央机关遴选什么时候报名")
	if card.MsgType != "news" || len(card.Articles) != 1 || card.Articles[0].Title != "2025年度中央机关公开遴选和公开选调公务员明起报名" ||
		card.Articles[0].URL != "https://example.com/r0" || !strings.Contains(card.Articles[0].Description, "笔试将于11月30日举行") {
		t.Fatalf("the 遴选 item as a card: %s", card.String())
	}
	text := send("21家主要银行减免服务费用")
	if text.MsgType != "text" || !strings.HasPrefix(text.Content, "21家主要银行上半年减免服务费用1375亿元\n\n银保监会") || strings.Contains(text.Content, "秋冬种") {
		t.Fatalf("the item of a roundup without a page, as its own text: %s", text.String())
	}
	list := send("国家组织药品集采开标")
	if list.MsgType != "text" || !strings.Contains(list.Content, "1. ") || !strings.Contains(list.Content, "2. ") || strings.Contains(list.Content, "国内联播快讯") {
		t.Fatalf("two items listed by their headlines: %s", list.String())
	}
	second := send("2")
	if second.MsgType != "news" || len(second.Articles) != 1 || !strings.Contains(second.Articles[0].Title, "国家组织药品集采开标") {
		t.Fatalf("2 opens the item listed second: %s", second.String())
	}
}

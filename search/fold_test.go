package search

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"國務院常務會議 營商環境":     "国务院常务会议 营商环境",
		"澳門回歸25週年大會 習近平講話": "澳门回归25周年大会 习近平讲话",
		"第八屆進博會閉幕":         "第八届进博会闭幕",
		"乾淨了":              "乾净了", // 乾 is also simplified: only a phrase folds it
		"乾乾淨淨":             "干干净净",
		"乾隆皇帝 乾坤":          "乾隆皇帝 乾坤", // simplified text stays as it is
		"著名的 于是 里面 后来":     "著名的 于是 里面 后来",
		"一目瞭然":             "一目瞭然", // every character is also simplified
		"反覆 彷徨":            "反覆 彷徨",
		"枫桥经验":             "枫桥经验",
	} {
		if got := foldText(in); got != want {
			t.Errorf("fold(%s) = %s, want %s", in, got, want)
		}
	}
}

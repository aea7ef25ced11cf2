printf "开会,审议。\r\n第二行。\r\n" | qzreport fix - | od -c | head -5

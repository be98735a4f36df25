package jp.madoguchi.line.simulator;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@SimulatorEnabled
@Controller
class SimulatorPage {

  @GetMapping({"/line-simulator", "/line-simulator/"})
  String page() {
    return "forward:/line-simulator/index.html";
  }
}

package jp.madoguchi.attachment;

import java.util.concurrent.Semaphore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

  /** The node's turns to decode an image, handed out in the order uploads asked for them. */
  @Bean
  ImageSafety imageSafety(UploadLimits limits) {
    return new ImageSafety(new Semaphore(limits.imageDecodes(), true), limits.imageDecodeWait());
  }
}

/**
 * Opens something a build made. The website opens in a new tab where the transport serves it
 * (browser mode: the local server); everything else, and the website on the desktop, is shown
 * with the computer's own program. Resolves false when neither can be done from here.
 */
import { tandem } from '../../api.js';

export async function openOutput(path: string, isWebsite: boolean): Promise<boolean> {
  if (isWebsite) {
    const address = await tandem().siteAddress(path);
    if (address !== null) {
      window.open(address, '_blank', 'noopener');
      return true;
    }
  }
  return tandem().revealOutput(path);
}

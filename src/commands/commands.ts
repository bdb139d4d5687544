/**
 * Ribbon commands. The add-in uses a shared runtime: the manifest's FunctionFile is the task pane's page
 * (Taskpane.Url), so this script is loaded by taskpane.html next to the task pane (webpack.config.js) and shares its
 * JavaScript runtime — and, later, the custom functions' one.
 *
 * Today's ribbon button is a ShowTaskpane action and needs no code; the actions registered here are for buttons of
 * type ExecuteFunction and keyboard shortcuts (`<Action xsi:type="ExecuteFunction"><FunctionName>showTaskpane`).
 */

/** Shows the task pane (SharedRuntime 1.1). */
export async function showTaskpane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch (err) {
    console.error('[tassei] showTaskpane failed', err);
  } finally {
    event?.completed();
  }
}

// Outside Office (a page opened by hand) there is no Office object: nothing to register.
if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    Office.actions.associate('showTaskpane', showTaskpane);
  });
}

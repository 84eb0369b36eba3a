// npm start: sentiment and themes of the sample shop's Polish and English feedback.
import { runFeedbackSentiment } from './feedback-sentiment.js';

console.log(runFeedbackSentiment().text);
